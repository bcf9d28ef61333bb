package onboarding.sales.site;

import io.smallrye.config.ConfigMapping;

/** Settings of the Sales app ({@code sales.*}). */
@ConfigMapping(prefix = "sales")
public interface SalesConfig {

    /** Address people use to reach this app (links sent to Commerce, e.g. in a lead decision). */
    String publicUrl();
}
