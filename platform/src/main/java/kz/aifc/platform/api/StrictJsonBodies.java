package kz.aifc.platform.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A request body that repeats a key ({@code {"decision":"NO_STR","decision":"FILE_STR"}}) is a 400 naming the key:
 * which of the two a caller meant cannot be known, and "the last one wins" would quietly pick one.
 */
@Singleton
public class StrictJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
