package onboarding.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link SystemUnderTest} once for the whole test run, keeps it in the root store (so JUnit
 * closes it when the run ends, failed or not), starts again before each test an app that a previous test
 * left stopped, and injects the system into constructors and methods.
 */
public final class SystemExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemExtension.class);
    /** A failed start is not retried for every test class: they all fail with the first cause. */
    private static volatile Throwable startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        system(context).ensureRunning();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    private static SystemUnderTest system(ExtensionContext context) {
        if (startFailure != null) {
            throw new IllegalStateException("the system did not start (see the first failure)", startFailure);
        }
        try {
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(SystemUnderTest.class, type -> SystemUnderTest.start(), SystemUnderTest.class);
        } catch (RuntimeException | Error e) {
            startFailure = e;
            throw e;
        }
    }
}
