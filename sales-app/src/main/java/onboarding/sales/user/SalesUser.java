package onboarding.sales.user;

/** A user of the Sales app, with the name people know them by (e.g. {@code bob}, Bob Leroy). */
public record SalesUser(String username, String displayName) {

    /** What people call them in a sentence: the first word of the display name ("only Bob or a sales manager"). */
    public String firstName() {
        String name = displayName.strip();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }
}
