package com.wuaigou.ops.local;

/**
 * Which AppCDS archive a service's JVM maps. The build's archive holds only what a start loads before it reads its
 * settings (Quarkus stops its archive run there); a trained one, written by a whole start of the service against its
 * database and Kafka ({@link TrainedArchive}), holds every class a start up to ready loaded, about twice as many.
 */
public enum ClassArchive {
    /** The archive the build wrote beside the jar. */
    BUILD,
    /** The archive of a whole start, written by the first start that finds none for the current build and JVM. */
    TRAINED
}
