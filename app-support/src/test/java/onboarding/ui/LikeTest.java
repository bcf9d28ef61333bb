package onboarding.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikeTest {

    @Test
    void wildcards_and_the_escape_character_are_taken_literally() {
        assertEquals("%50!% off%", Like.contains(" 50% OFF "));
        assertEquals("%a!_b%", Like.contains("a_b"));
        assertEquals("%hey!!%", Like.contains("Hey!"));
    }
}
