package com.wuaigou.ops.common.input;

import com.wuaigou.ops.common.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text body (a CSV import) and refuses a control character other than tab and line breaks in it, as
 * {@link StrictJson} does in JSON text: a CSV cell holding U+0000 would otherwise reach PostgreSQL.
 */
@Provider
@Consumes("text/*")
public class TextBodies implements MessageBodyReader<String> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public String readFrom(Class<String> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isKnown(charset)) {
            throw ProblemException.badRequest("Content-Type", "names a charset this service does not know: " + charset);
        }
        String text = new String(entityStream.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
        int refused = Text.firstControlCharacter(text);
        if (refused >= 0) {
            throw ProblemException.badRequest("body", "must not contain the control character " + Text.describe(refused));
        }
        return text;
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
