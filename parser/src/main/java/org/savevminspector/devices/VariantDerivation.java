package org.savevminspector.devices;

import java.util.Optional;

/**
 * Derives an alternative body (a {@link DeviceLayout#variant()}) from a primary layout, for a writer that changes
 * a part many devices share in the same way (XenServer's v1 dialect and the PCI block). Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.savevminspector.devices.VariantDerivation}), so the
 * catalogue knows none of them, nor the parts they rewrite, by name.
 */
public interface VariantDerivation {

    /** The derived body of {@code primary}, or empty when the derivation does not apply to it. */
    Optional<DeviceLayout> derive(DeviceLayout primary);
}
