package onboarding.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arithmetic of baselines and ratios. */
class BenchRatiosTest {

    @Test
    void stepsOnSharedCoresAddTheirTimes() {
        assertEquals(1891.9, Ratios.serial(3559, 4039).orElseThrow(), 0.1, "the signup baseline of the 13:25 run (1,892)");
        assertEquals(50, Ratios.serial(100, 100).orElseThrow(), 1e-9);
        assertEquals(100, Ratios.serial(100).orElseThrow(), 1e-9);
        assertEquals(1.0 / (1.0 / 10 + 1.0 / 20 + 1.0 / 40), Ratios.serial(10, 20, 40).orElseThrow(), 1e-9);
    }

    @Test
    void aMissingOrZeroRateGivesNoBaseline() {
        assertTrue(Ratios.serial().isEmpty());
        assertTrue(Ratios.serial(100, 0).isEmpty());
        assertTrue(Ratios.serial(100, -5).isEmpty());
        assertTrue(Ratios.serial(100, Double.NaN).isEmpty());
    }

    @Test
    void ratioToABaseline() {
        assertEquals(0.5, Ratios.ratio(Optional.of(2000.0), Optional.of(4000.0)).orElseThrow(), 1e-12);
        assertTrue(Ratios.ratio(Optional.empty(), Optional.of(4000.0)).isEmpty());
        assertTrue(Ratios.ratio(Optional.of(2000.0), Optional.empty()).isEmpty());
        assertTrue(Ratios.ratio(Optional.of(2000.0), Optional.of(0.0)).isEmpty());
    }

    @Test
    void eventsFromBatches() {
        assertEquals(4800, Ratios.events(Optional.of(24.0), Optional.of(200.0)).orElseThrow(), 1e-9);
        assertTrue(Ratios.events(Optional.of(24.0), Optional.empty()).isEmpty());
    }
}
