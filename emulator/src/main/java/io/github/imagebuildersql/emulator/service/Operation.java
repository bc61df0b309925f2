package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;

/** One Image Builder operation, answered from the caller's account and region of the fixture. */
@FunctionalInterface
interface Operation {
    /** The answer's members, {@code requestId} aside (the service adds it where the model has it). */
    ObjectNode answer(Call call, Fixture.Region data);
}
