package onboarding.commerce.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data created at start-up ({@code commerce.demo-data.*}): on in dev, test and {@code ./start.sh}. */
@ConfigMapping(prefix = "commerce.demo-data")
public interface DemoDataConfig {

    /** Whether start-up adds the demo products to an empty catalogue. */
    @WithDefault("false")
    boolean enabled();
}
