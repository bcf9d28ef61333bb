package onboarding.commerce;

import io.smallrye.config.ConfigMapping;

/** Settings of the Commerce app ({@code commerce.*}). */
@ConfigMapping(prefix = "commerce")
public interface CommerceConfig {

    /** Address people use to reach this app (links in emails and in Sales). */
    String publicUrl();
}
