package org.savevminspector.repair;

/** A repair that must not be written; the message says why, for people. */
public final class RepairRefusedException extends Exception {
    public RepairRefusedException(String reason) {
        super(reason);
    }
}
