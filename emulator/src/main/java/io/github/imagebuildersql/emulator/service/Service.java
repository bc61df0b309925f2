package io.github.imagebuildersql.emulator.service;

import io.github.imagebuildersql.emulator.auth.Identity;
import io.github.imagebuildersql.emulator.auth.SigV4Verifier;
import io.github.imagebuildersql.emulator.wire.AwsError;
import io.github.imagebuildersql.emulator.wire.HttpRequest;
import io.github.imagebuildersql.emulator.wire.Response;

/** One emulated AWS service: how its protocol names operations, answers them, and spells its errors. */
public interface Service {

    /** A signed, verified request on its way to an operation. */
    record Call(String operation, HttpRequest request, Identity caller, String region) {}

    /** The SigV4 signing name, which is how a request on the shared endpoint finds its service. */
    String signingName();

    /** The operation a request invokes, as the service model names it, or null when none matches. */
    String operation(HttpRequest request);

    Response handle(Call call);

    Response render(AwsError error);

    AwsError refused(SigV4Verifier.Failure failure, String message);

    AwsError throttled();

    AwsError unavailable();

    /** The answer to a request for an operation the service does not have, or the emulator does not implement. */
    AwsError unknownOperation(HttpRequest request);
}
