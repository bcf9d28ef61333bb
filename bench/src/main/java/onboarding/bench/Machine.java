package onboarding.bench;

import java.util.Optional;

/**
 * Was the machine quiet? {@code bench/run.sh} records {@code /proc/loadavg} and the {@code cpu} line of
 * {@code /proc/stat} (in bash, so that the sample does not see a JVM starting) at the start, one second later and at
 * the end; this class reads them: load average per core, the share of CPU time busy and stolen by the hypervisor.
 */
final class Machine {

    /** A run that starts above this load average per core says so in the report's first line. */
    static final double BUSY_LOAD_PER_CORE = 0.5;
    /** ... or when more than this share of the CPU time was busy in the second sampled before the run. */
    static final double BUSY_PERCENT = 50;

    private Machine() {
    }

    /** The CPU time counters of the {@code cpu} line of /proc/stat, in clock ticks. */
    record Ticks(long total, long idle, long steal) {

        /** Busy and stolen shares of the time between {@code this} (earlier) and {@code later}, in percent. */
        Optional<Share> until(Ticks later) {
            long total = later.total - this.total;
            if (total <= 0) {
                return Optional.empty();
            }
            double busy = 100.0 * (total - (later.idle - this.idle)) / total;
            double stolen = 100.0 * (later.steal - this.steal) / total;
            return Optional.of(new Share(busy, stolen));
        }
    }

    /** Percent of the CPU time that was busy (anything but idle and I/O wait) and that was stolen. */
    record Share(double busyPercent, double stealPercent) {
    }

    /**
     * The {@code cpu} line of /proc/stat: {@code cpu user nice system idle iowait irq softirq steal guest guest_nice}
     * (guest time is already counted in user time, so it is left out of the total).
     */
    static Optional<Ticks> parseStat(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String[] f = line.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) {
            return Optional.empty();
        }
        try {
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Long.parseLong(f[i + 1]);
            }
            long total = 0;
            for (long x : v) {
                total += x;
            }
            return Optional.of(new Ticks(total, v[3] + v[4], v[7]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The 1-minute load average of a /proc/loadavg line ({@code 0.52 0.58 0.59 1/123 4567}). */
    static Optional<Double> load1(String loadavg) {
        if (loadavg == null || loadavg.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(loadavg.trim().split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why the machine was not quiet at the start, or empty when it was (or when nothing was recorded). */
    static Optional<String> busy(Optional<Double> load1, Optional<Double> cores, Optional<Share> beforeRun) {
        StringBuilder why = new StringBuilder();
        if (load1.isPresent() && cores.isPresent() && cores.get() > 0
                && load1.get() / cores.get() > BUSY_LOAD_PER_CORE) {
            why.append("load average ").append(Report.fmt(load1.get())).append(" on ").append(Math.round(cores.get()))
                    .append(" cores (").append(Report.fmt(load1.get() / cores.get())).append(" per core > ")
                    .append(BUSY_LOAD_PER_CORE).append(')');
        }
        if (beforeRun.isPresent() && beforeRun.get().busyPercent() > BUSY_PERCENT) {
            why.append(why.length() > 0 ? ", " : "").append("CPU ").append(Report.fmt(beforeRun.get().busyPercent()))
                    .append(" % busy in the second before the run");
        }
        return why.length() == 0 ? Optional.empty() : Optional.of(why.toString());
    }
}
