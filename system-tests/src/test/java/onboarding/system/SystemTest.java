package onboarding.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system test: both packaged apps run (started once for the module, see {@link SystemExtension}) and
 * a {@link SystemUnderTest} parameter gives access to them, their databases and the mailbox.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemExtension.class)
public @interface SystemTest {
}
