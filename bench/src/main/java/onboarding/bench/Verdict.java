package onboarding.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * A row's PASS or FAIL, with the reason of every failed requirement: PASS only when every requirement held, and a
 * figure that was not measured fails the requirement that needs it (it is never taken as good).
 */
final class Verdict {

    private final Figures figures;
    private final List<String> failures = new ArrayList<>();

    Verdict(Figures figures) {
        this.figures = figures;
    }

    /** Requires the figure {@code key} to exist and to satisfy {@code test}; {@code what} names the requirement. */
    Verdict require(String key, DoublePredicate test, String what) {
        Optional<Double> value = figures.num(key);
        if (value.isEmpty()) {
            failures.add(what + ": not measured");
        } else if (!test.test(value.get())) {
            failures.add(what + ": " + Report.fmt(value.get()));
        }
        return this;
    }

    /** Requires two figures to exist and be equal (counts: e.g. leads = events). */
    Verdict requireEqual(String key, String expectedKey, String what) {
        Optional<Double> value = figures.num(key);
        Optional<Double> expected = figures.num(expectedKey);
        if (value.isEmpty() || expected.isEmpty()) {
            failures.add(what + ": not counted");
        } else if (Math.round(value.get()) != Math.round(expected.get())) {
            failures.add(what + ": " + Report.fmt0(value.get()) + " of " + Report.fmt0(expected.get()));
        }
        return this;
    }

    /** Requires a condition computed by the caller. */
    Verdict require(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
        return this;
    }

    boolean pass() {
        return failures.isEmpty();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** {@code PASS}, or {@code FAIL} followed by the reasons. */
    String result() {
        return pass() ? Report.PASS : Report.FAIL;
    }
}
