package org.savevminspector.devices.audio;

import org.savevminspector.devices.DeviceLayoutBase;
import org.savevminspector.devices.layout.Layout;

/** {@code audio} v1 (FORMAT.md B.3.22): registered by {@code AUD_init}; {@code audio_save} writes nothing. */
public final class AudioV1 extends DeviceLayoutBase {
    public AudioV1() {
        super("audio", 1, "QT audio/audio.c:audio_save", Layout.of());
    }
}
