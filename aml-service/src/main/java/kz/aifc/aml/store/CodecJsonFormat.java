package kz.aifc.aml.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import kz.aifc.contract.codec.CloudEventCodec;

/**
 * JSON columns are written and read by the contract's codec mapper (exact decimals as strings, RFC 3339 times), the
 * same mapper the events use, so stored evidence reads back exactly as the rules wrote it.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class CodecJsonFormat implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(CloudEventCodec.mapper());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
