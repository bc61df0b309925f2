package io.github.imagebuildersql.core.scan;

/** A query failed because a partition did (with onError=fail); the message says where and why. */
public final class ScanFailedException extends RuntimeException {
    private final PartitionFailure failure;

    public ScanFailedException(PartitionFailure failure, Throwable cause) {
        super(failure.describe(), cause);
        this.failure = failure;
    }

    public PartitionFailure failure() {
        return failure;
    }
}
