package org.savevminspector.loader;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.savevminspector.model.Hex;

/**
 * Which instance ids a device registers with in the restoring qemu-dm (docs/FORMAT.md A.6, FORMAT.md B.1). {@code find_se}
 * matches (idstr, instance) exactly, so an instance outside the rule is "Unknown savevm section or instance".
 */
interface InstanceRule {

    boolean accepts(long instance, String idstr, MachineConfig config);

    /** For messages: what the rule allows. */
    String describe();

    /** Fixed instance ids (most devices 0; {@code dma} 0 and 1; {@code fdc} 0x3F0; RTC 0x70). */
    static InstanceRule fixed(long... ids) {
        return new InstanceRule() {
            @Override
            public boolean accepts(long instance, String idstr, MachineConfig config) {
                for (long id : ids) { // asked once per section read: no stream per question
                    if (id == instance) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String describe() {
                return Arrays.stream(ids).mapToObj(Hex::plain)
                        .collect(Collectors.joining(", "));
            }
        };
    }

    /** {@code serial}: the UART's I/O base ({@code QT hw/serial.c:serial_init}). */
    static InstanceRule serialBase() {
        return fixed(0x3F8, 0x2F8, 0x3E8, 0x2E8);
    }

    /**
     * {@code rtl8139}/{@code pcnet}: {@code (bus << 8) | devfn} of the NIC's slot. Bus 0 is the only bus; NICs get
     * slots from 00:02.0 on (devfn ≥ 0x10), function 0 (FORMAT.md B.1 slot assignment). Instance 0 is the host bridge's
     * devfn, which XenServer writes (FORMAT.md X.4) and upstream cannot match.
     */
    static InstanceRule pciSlot() {
        return new InstanceRule() {
            @Override
            public boolean accepts(long instance, String idstr, MachineConfig config) {
                return instance >= 0x10 && instance <= 0xF8 && (instance & 7) == 0;
            }

            @Override
            public String describe() {
                return "(bus << 8) | devfn of a NIC slot: 0x10, 0x18, … 0xF8";
            }
        };
    }

    /** Instance -1 at registration: 0, 1, … in registration order, one per device of that kind (FORMAT.md A.6). */
    static InstanceRule auto() {
        return new InstanceRule() {
            @Override
            public boolean accepts(long instance, String idstr, MachineConfig config) {
                return instance >= 0 && instance < Math.max(1, config.count(idstr));
            }

            @Override
            public String describe() {
                return "0, 1, … (one per configured device)";
            }
        };
    }
}
