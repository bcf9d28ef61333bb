package onboarding.ui.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoUsersTest {

    @Test
    void a_bcrypt_hash_is_stored_as_it_is_anything_else_is_a_clear_password() {
        assertTrue(DemoUsers.isBcryptHash("$2a$10$r9dwLDdZDbDKn8Jf0KBpCOS0mlmXfKnHsCTRGsgzNc7qTvg3XQJQS"));
        assertTrue(DemoUsers.isBcryptHash("$2b$12$HJjvEPUKHsL./SPhtF5AAOuG6KiojXM3.7icab1zOxvihbzqWGYdu"));
        assertFalse(DemoUsers.isBcryptHash("hq-demo"));
        assertFalse(DemoUsers.isBcryptHash("$2a$10$short"));
        assertFalse(DemoUsers.isBcryptHash("$2a$10$r9dwLDdZDbDKn8Jf0KBpCOS0mlmXfKnHsCTRGsgzNc7qTvg3XQJQS!"));
    }
}
