package onboarding.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quiet-machine guard: /proc/loadavg and /proc/stat read, and a busy start said in the report's first line. */
class BenchMachineTest {

    static final String STAT_0 = "cpu  1000 0 500 8000 500 0 0 0 0 0";
    /** One second later on 2 cores (200 ticks): 100 busy (user 60 + system 20 + steal 20), 100 idle. */
    static final String STAT_1 = "cpu  1060 0 520 8100 500 0 0 20 0 0";

    @Test
    void readsTheCpuLineOfProcStat() {
        Machine.Ticks t = Machine.parseStat(STAT_0).orElseThrow();
        assertEquals(10000, t.total());
        assertEquals(8500, t.idle(), "idle and I/O wait");
        assertEquals(0, t.steal());
        assertTrue(Machine.parseStat("cpu0 1 2 3 4 5 6 7 8").isEmpty(), "only the all-CPU line");
        assertTrue(Machine.parseStat("cpu 1 2").isEmpty());
        assertTrue(Machine.parseStat(null).isEmpty());
    }

    @Test
    void busyAndStolenShares() {
        Machine.Share s = Machine.parseStat(STAT_0).orElseThrow().until(Machine.parseStat(STAT_1).orElseThrow())
                .orElseThrow();
        assertEquals(50, s.busyPercent(), 1e-9);
        assertEquals(10, s.stealPercent(), 1e-9);
        assertTrue(Machine.parseStat(STAT_1).orElseThrow().until(Machine.parseStat(STAT_1).orElseThrow()).isEmpty());
    }

    @Test
    void loadAveragePerCoreAboveHalfIsBusy() {
        assertEquals(6.13, Machine.load1("6.13 7.60 11.05 7/355 31560").orElseThrow(), 1e-9);
        assertTrue(Machine.busy(Optional.of(1.0), Optional.of(2.0), Optional.empty()).isEmpty(), "0.5 per core is quiet");
        assertTrue(Machine.busy(Optional.of(1.02), Optional.of(2.0), Optional.empty()).orElseThrow()
                .contains("0.51 per core"));
        assertTrue(Machine.busy(Optional.of(0.1), Optional.of(2.0), Optional.of(new Machine.Share(60, 0)))
                .orElseThrow().contains("60.0 % busy"));
        assertTrue(Machine.busy(Optional.empty(), Optional.empty(), Optional.empty()).isEmpty());
    }

    @Test
    void aRunStartedOnABusyMachineSaysSoInTheFirstLine() {
        Map<String, String> raw = Map.of("run.mode", "full", "run.cores", "2",
                "run.machine.start.loadavg", "4.27 3.27 3.82 2/300 123", "run.machine.start.stat", STAT_0,
                "run.machine.start.stat1s", STAT_1, "run.machine.end.loadavg", "1.00 2.00 3.00 1/2 3",
                "run.machine.end.stat", "cpu  2060 0 520 9100 500 0 0 20 0 0");
        Report report = reportOf(raw);
        String firstLine = report.markdown(report.rows()).lines().findFirst().orElseThrow();
        assertTrue(firstLine.startsWith("# Benchmark results (full mode) — STARTED ON A BUSY MACHINE: load average 4.27"),
                firstLine);
        assertTrue(report.markdown(report.rows()).contains("over the run 50.0 % busy, 0.00 % stolen"));

        Map<String, String> quiet = new java.util.HashMap<>(raw);
        quiet.put("run.machine.start.loadavg", "0.40 0.30 0.20 1/300 123");
        quiet.put("run.machine.start.stat1s", "cpu  1010 0 500 8190 500 0 0 0 0 0");
        assertEquals("# Benchmark results (full mode)", reportOf(quiet).title());
    }

    private static Report reportOf(Map<String, String> raw) {
        return new Report(new java.util.HashMap<>(raw));
    }
}
