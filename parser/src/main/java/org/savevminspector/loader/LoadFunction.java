package org.savevminspector.loader;

import java.util.Optional;
import java.util.OptionalLong;
import org.savevminspector.devices.DeviceCatalog;
import org.savevminspector.devices.DeviceLayout;
import org.savevminspector.devices.known.KnownDevices;
import org.savevminspector.devices.layout.Cursor;
import org.savevminspector.devices.layout.Layout;
import org.savevminspector.devices.pci.PciBlock;
import org.savevminspector.io.ByteSource;

/**
 * Runs one device's load function as {@link DeviceLoadFacts} describe it (docs/FORMAT.md B.6 "pattern for a simulator"):
 * the function's own version test, the PCI block, value tests, the body of the labelled version, port moves.
 * It never decides anything by idstr: everything device-specific is in the facts row.
 */
final class LoadFunction {
    private final DeviceCatalog catalog;
    private final KnownDevices devices;

    LoadFunction(DeviceCatalog catalog) {
        this.catalog = catalog;
        this.devices = new KnownDevices(catalog);
    }

    /**
     * @param shapeBody body length the shape walk found for this section when a header follows it, used only
     *                  when neither the catalogue nor the facts know the labelled version's length
     */
    LoadStep run(DeviceLoadFacts facts, LoadContext ctx, OptionalLong shapeBody) {
        long v = ctx.version();
        String fn = facts.loadFunction();
        if (facts.rejectsOwn(v)) {
            return new LoadStep(0, LoadStep.REJECTED, fn + " refuses version " + v + " (" + facts.ownRule()
                    + ") before reading anything; qemu ignores the error", ctx.values(), null);
        }
        if (facts.hasPciBlock(v)) {
            long pciVersion = ctx.bodyBe32(0, "pci.version");
            if (pciVersion > 2) {
                return new LoadStep(4, LoadStep.REJECTED, "hw/pci.c:pci_device_load refuses PCI-block version "
                        + pciVersion + " after reading it (4 bytes); qemu ignores the error", ctx.values(), null);
            }
            ctx.pciLength(pciVersion >= 2 ? PciBlock.SIZE : PciBlock.SIZE_V1);
            // the identity the restored config space gives the device (what the guest sees at its slot)
            ctx.configLe(0x00, 2, "pci.vendor");
            ctx.configLe(0x02, 2, "pci.device");
            for (PortMove move : facts.moves()) {
                if (move.afterPciBlock()) {
                    Optional<PortModel.Abort> abort = move.apply(ctx);
                    if (abort.isPresent()) {
                        return aborted(ctx, ctx.pciLength(), abort.get());
                    }
                }
            }
        }
        for (CountCheck check : facts.checks()) {
            long at = ctx.pciLength() + check.offset();
            long value = ctx.bodyBe(at, check.width(), check.field());
            if (!check.accepts().test(value)) {
                return new LoadStep(at + check.width(), LoadStep.REJECTED, fn + " rejects " + check.field() + " = "
                        + value + " (" + check.rule() + ") right after reading it; qemu ignores the error",
                        ctx.values(), null);
            }
        }
        Optional<BodyLength> length = bodyLength(facts, ctx, shapeBody);
        if (length.isEmpty()) {
            return new LoadStep(-1, LoadStep.UNKNOWN, "no layout of " + facts.idstr() + " version " + v
                    + " is known: how many bytes " + fn + " reads cannot be simulated", ctx.values(), null);
        }
        for (PortMove move : facts.moves()) {
            if (!move.afterPciBlock()) {
                Optional<PortModel.Abort> abort = move.apply(ctx);
                if (abort.isPresent()) {
                    return aborted(ctx, length.get().bytes(), abort.get());
                }
            }
        }
        return new LoadStep(length.get().bytes(), LoadStep.LOADED, loaded(facts, v, length.get()), ctx.values(),
                null);
    }

    /** The words of the last normal load: a million sections of one device are loaded with the same ones. */
    private DeviceLoadFacts lastFacts;
    private long lastVersion;
    private BodyLength lastLength;
    private String lastWords;

    private String loaded(DeviceLoadFacts facts, long v, BodyLength length) {
        if (facts != lastFacts || v != lastVersion || !length.equals(lastLength)) {
            String how = length.assumed()
                    ? " (length assumed from the shape walk: no layout of version " + v + " is known)" : "";
            long as = facts.bodyVersion(v);
            String asBody = as == v ? "" : " (the version-" + as + " body)";
            lastWords = facts.loadFunction() + " reads " + length.bytes() + " body bytes as version " + v + asBody
                    + how;
            lastFacts = facts;
            lastVersion = v;
            lastLength = length;
        }
        return lastWords;
    }

    /** A body length and whether it was only assumed from the shape walk. */
    private record BodyLength(long bytes, boolean assumed) {
    }

    private static LoadStep aborted(LoadContext ctx, long consumed, PortModel.Abort abort) {
        return new LoadStep(consumed, LoadStep.ABORTED, abort.message(), ctx.values(), abort);
    }

    /** Body bytes of the labelled version: fixed, else the catalogue's layout, else the descriptor's measured size. */
    private Optional<BodyLength> bodyLength(DeviceLoadFacts facts, LoadContext ctx, OptionalLong shapeBody) {
        if (facts.fixedBytes() >= 0) {
            return Optional.of(new BodyLength(facts.fixedBytes(), false));
        }
        long pciShrink = ctx.pciLength() == PciBlock.SIZE_V1 ? PciV2View.SHIFT : 0;
        Optional<DeviceLayout> layout = catalog.find(facts.layoutIdstr(), facts.bodyVersion(ctx.version()));
        if (layout.isPresent()) {
            try {
                return Optional.of(new BodyLength(measure(layout.get().layout(), ctx, pciShrink), false));
            } catch (Cursor.Truncated e) {
                // counts so absurd that the length overflows tell us nothing: fall through. Anything else
                // thrown here is a layout bug and must not be taken for a property of the file.
            }
        }
        OptionalLong legacy = devices.find(facts.layoutIdstr())
                .map(d -> d.legacySize(ctx.version())).orElse(OptionalLong.empty());
        if (legacy.isPresent()) {
            return Optional.of(new BodyLength(legacy.getAsLong() - pciShrink, false));
        }
        if (shapeBody.isPresent()) {
            return Optional.of(new BodyLength(shapeBody.getAsLong(), true));
        }
        return Optional.empty();
    }

    /**
     * Measures over the zero-extended view. With a v0/v1 PCI block the real function reads 16 bytes less, and
     * everything after the block sits 16 bytes earlier: measure over a view with a v2 block instead.
     */
    private static long measure(Layout layout, LoadContext ctx, long pciShrink) {
        ByteSource view = ctx.viewSource();
        if (pciShrink == 0) {
            return layout.measure(view, ctx.bodyStart(), Long.MAX_VALUE);
        }
        return layout.measure(new PciV2View(view, ctx.bodyStart()), ctx.bodyStart(), Long.MAX_VALUE) - pciShrink;
    }
}
