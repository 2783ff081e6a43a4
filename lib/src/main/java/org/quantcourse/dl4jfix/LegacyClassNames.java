package org.quantcourse.dl4jfix;

import java.util.Map;
import org.deeplearning4j.nn.conf.serde.JsonMappers;
import org.nd4j.shade.jackson.databind.DeserializationContext;
import org.nd4j.shade.jackson.databind.JavaType;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.deser.DeserializationProblemHandler;
import org.nd4j.shade.jackson.databind.jsontype.TypeIdResolver;

/**
 * Maps the class names that earlier versions of the course wrote into a model's DL4J JSON ({@code "@class"}) to
 * the classes of this package, so a model saved before the move still loads. DL4J names layer, activation and
 * preprocessor classes by their full name; Jackson asks this handler when such a name is unknown.
 */
final class LegacyClassNames extends DeserializationProblemHandler {

    /** Old name → class; each entry names a class that existed in package {@code org.quantcourse.train} up to 0.1. */
    static final Map<String, Class<?>> RENAMED = Map.of(
            "org.quantcourse.train.ChannelsLastConvolution", ChannelsLastConvolution.class,
            "org.quantcourse.train.ChannelsLastReLU", ChannelsLastReLU.class,
            "org.quantcourse.train.ChannelsLastInput", ChannelsLastInput.class,
            "org.quantcourse.train.ChannelsFirstFlatten", ChannelsFirstFlatten.class);

    private LegacyClassNames() {
    }

    /** Registers the mapping on DL4J's JSON mappers (the current and the legacy-format one). */
    static void register() {
        for (ObjectMapper mapper : new ObjectMapper[] {JsonMappers.getMapper(), JsonMappers.getLegacyMapper()}) {
            mapper.addHandler(new LegacyClassNames());
        }
    }

    @Override
    public JavaType handleUnknownTypeId(DeserializationContext context, JavaType baseType, String subTypeId,
            TypeIdResolver resolver, String failureMessage) {
        Class<?> renamed = RENAMED.get(subTypeId);
        if (renamed == null || !baseType.getRawClass().isAssignableFrom(renamed)) {
            return null;
        }
        return context.getTypeFactory().constructSpecializedType(baseType, renamed);
    }
}
