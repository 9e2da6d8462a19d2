package io.dceff.platform.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes any list answer as UTF-8 CSV with a header row when the client asks for {@code text/csv}. */
@Provider
@Produces(CsvMediaType.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<Object> {

    @Inject
    ObjectMapper json;

    /** The application's mapper with exact decimals in trees; made once, its serializer caches kept. */
    private volatile ObjectMapper exact;

    private ObjectMapper exact() {
        ObjectMapper mapper = exact;
        if (mapper == null) {
            mapper = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
            exact = mapper;
        }
        return mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType.isCompatible(MediaType.valueOf(CsvMediaType.TEXT_CSV)) && !String.class.equals(type);
    }

    @Override
    public void writeTo(
            Object answer,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        headers.putSingle("Content-Type", CsvMediaType.TEXT_CSV + ";charset=UTF-8");
        // exact decimals: the tree must keep 1.900 as written, not normalise it to 1.9 or 3E+2
        CsvTable table = CsvTable.of(exact(), answer);
        if (table.columns().isEmpty()) {
            return; // no items: nothing names the columns, and an empty body is an empty table
        }
        table.write(out);
    }
}
