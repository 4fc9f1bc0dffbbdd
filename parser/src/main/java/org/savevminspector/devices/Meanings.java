package org.savevminspector.devices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.savevminspector.model.Field;
import org.savevminspector.model.Meaning;

/**
 * Reusable interpretations of raw values: bit sets, enumerations, timers, addresses and counts. Device-specific
 * tables (PCI identity, ACPI port layouts) are built from these in their own packages.
 */
public final class Meanings {

    private Meanings() {
    }

    /** Starts a description of a register made of single-bit flags and multi-bit fields. */
    public static Bits bits() {
        return new Bits(List.of());
    }

    /**
     * Exact values with names; any other value gets {@code otherwise} (may use {@code %s} for the value in hex
     * of {@code width} bytes), or {@code null} when {@code otherwise} is {@code null}.
     */
    public static Meaning choices(int width, Map<Long, String> names, String otherwise) {
        Map<Long, String> copy = Map.copyOf(names);
        return v -> {
            String name = copy.get(v);
            if (name != null) {
                return name;
            }
            return otherwise == null ? null : otherwise.replace("%s", Field.hex(v, width));
        };
    }

    /** {@code choices} from alternating value/name arguments, e.g. {@code enumOf(1, 0L, "none", 3L, "remove")}. */
    public static Meaning enumOf(int width, Object... valueNamePairs) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (int i = 0; i + 1 < valueNamePairs.length; i += 2) {
            names.put(((Number) valueNamePairs[i]).longValue(), (String) valueNamePairs[i + 1]);
        }
        return choices(width, names, null);
    }

    /** A boolean-like flag: 0 → {@code ifZero}, anything else → {@code ifSet}. */
    public static Meaning flag(String ifZero, String ifSet) {
        return v -> v == 0 ? ifZero : ifSet;
    }

    /**
     * A timer written by {@code qemu_put_timer} (FORMAT.md B.2.2): all ones = not pending (or no timer), otherwise an
     * expiry time in vm_clock nanoseconds.
     */
    public static final Meaning TIMER = v -> v == -1L ? "not pending" : "expires at vm_clock " + Long.toUnsignedString(v) + " ns";

    /**
     * {@code vram_gmfn} (FORMAT.md B.2.3): a guest-physical byte address despite its name; 0 means VRAM is not in guest
     * memory, so the save function appends the VRAM dump.
     */
    public static final Meaning VRAM_GMFN = v -> {
        if (v == 0) {
            return "0: VRAM not in guest memory (the VRAM dump follows in the body)";
        }
        String at = "guest-physical byte address " + Field.hex(v, 4);
        return v == 0xFF000000L ? at + " (VRAM_RESERVED_ADDRESS); no VRAM dump" : at + "; no VRAM dump";
    };

    /**
     * A count byte that a load function checks: says whether the loader accepts it.
     *
     * @param unit       what is counted, plural ("ports")
     * @param accepted   largest count the loader accepts (or the only one, when {@code exact})
     * @param exact      the loader accepts only {@code accepted}
     * @param writerNote what the writer always writes, e.g. "NB_PORTS"
     */
    public static Meaning count(String unit, long accepted, boolean exact, String writerNote) {
        return v -> {
            String n = v + " " + unit;
            boolean ok = exact ? v == accepted : v <= accepted;
            if (v == accepted) {
                return n + " (" + writerNote + ")";
            }
            return ok ? n + " (accepted by the loader; the writer writes " + accepted + ")"
                    : n + " (the loader rejects this: it accepts " + (exact ? "only " : "at most ") + accepted + ")";
        };
    }

    /**
     * Describes registers bit by bit: flags named when set, multi-bit fields shown as {@code NAME=value} when
     * non-zero, remaining set bits as {@code bitN}. Immutable; each call returns a new description.
     */
    public static final class Bits implements Meaning {
        private final List<Part> parts;

        private Bits(List<Part> parts) {
            this.parts = parts;
        }

        private record Part(int shift, int width, String name, Map<Long, String> values) {
            long mask() {
                return ((1L << width) - 1) << shift;
            }
        }

        /** A single-bit flag, named when set. */
        public Bits flag(int bit, String name) {
            return with(new Part(bit, 1, name, Map.of()));
        }

        /** A multi-bit field shown as {@code name=value} when non-zero. */
        public Bits field(int shift, int width, String name) {
            return with(new Part(shift, width, name, Map.of()));
        }

        /** A multi-bit field whose values have names (shown even when 0 if 0 has a name). */
        public Bits field(int shift, int width, String name, Map<Long, String> valueNames) {
            return with(new Part(shift, width, name, Map.copyOf(valueNames)));
        }

        /** Bits that carry no information (e.g. a reserved bit that always reads 1): never listed. */
        public Bits ignore(int shift, int width) {
            return with(new Part(shift, width, null, Map.of()));
        }

        private Bits with(Part p) {
            List<Part> l = new ArrayList<>(parts);
            l.add(p);
            return new Bits(List.copyOf(l));
        }

        @Override
        public String describe(long value) {
            List<String> out = new ArrayList<>();
            long known = 0;
            for (Part p : parts) {
                known |= p.mask();
                if (p.name() == null) {
                    continue;
                }
                long v = (value & p.mask()) >>> p.shift();
                String named = p.values().get(v);
                if (named != null) {
                    out.add(p.name() + "=" + named);
                } else if (v != 0) {
                    out.add(p.width() == 1 ? p.name() : p.name() + "=" + v);
                }
            }
            long rest = value & ~known;
            for (int bit = 0; bit < 64 && rest != 0; bit++) {
                if ((rest & (1L << bit)) != 0) {
                    out.add("bit" + bit);
                    rest &= ~(1L << bit);
                }
            }
            return out.isEmpty() ? "none set" : String.join(", ", out);
        }
    }
}
