package onboarding.commerce.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import onboarding.ui.BundleCheck;
import org.junit.jupiter.api.Test;

/** English and French bundles stay in step, and templates only ask for keys that exist. */
class MessageBundlesTest {

    @Test
    void english_and_french_have_the_same_keys() {
        assertEquals(List.of(), BundleCheck.unmatchedKeys());
    }

    @Test
    void every_key_a_template_uses_exists() {
        assertEquals(List.of(), BundleCheck.undefinedTemplateKeys(Path.of("src/main/resources/templates")));
        assertEquals(List.of(), BundleCheck.undefinedTemplateKeys(Path.of("../dualwrite-bridge/src/main/resources/templates")));
        assertEquals(List.of(), BundleCheck.undefinedTemplateKeys(Path.of("../app-support/src/main/resources/templates")));
    }
}
