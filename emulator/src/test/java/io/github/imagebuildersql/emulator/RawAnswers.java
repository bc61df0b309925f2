package io.github.imagebuildersql.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.emulator.service.ServiceModel;
import io.github.imagebuildersql.emulator.wire.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps the body of the last answer a client received, as it came off the wire, so a test can see what the SDK's
 * model objects hide: which members were sent, and in what order.
 */
final class RawAnswers implements ExecutionInterceptor {
    private volatile byte[] last;

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        try (InputStream in = context.responseBody().orElse(InputStream.nullInputStream())) {
            last = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new ByteArrayInputStream(last));
    }

    JsonNode last() {
        try {
            return Json.MAPPER.readTree(last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The member names of an object, in the order they were written. */
    static List<String> members(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The members of a model shape that an object has, in the model's order. */
    static List<String> inModelOrder(String shape, JsonNode object) {
        return ServiceModel.imageBuilder().members(shape).stream().filter(object::has).toList();
    }
}
