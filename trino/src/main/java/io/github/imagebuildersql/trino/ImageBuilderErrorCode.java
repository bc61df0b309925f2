package io.github.imagebuildersql.trino;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

/** What fails a query in AWS rather than in Trino or in the query. */
enum ImageBuilderErrorCode implements ErrorCodeSupplier {
    /** A partition's calls failed after retries (onError=fail): the message names account, region and error. */
    IMAGEBUILDER_PARTITION_FAILED(0),
    /** The accounts to scan could not be listed (accounts=org) or the caller's account not found. */
    IMAGEBUILDER_SCOPE_FAILED(1);

    /** Trino's convention: each connector's codes in a range of their own. */
    private static final int BASE = 0x0519_0000;

    private final ErrorCode errorCode;

    ImageBuilderErrorCode(int code) {
        this.errorCode = new ErrorCode(BASE + code, name(), ErrorType.EXTERNAL);
    }

    @Override
    public ErrorCode toErrorCode() {
        return errorCode;
    }
}
