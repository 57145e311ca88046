package com.wuaigou.ops.local;

import com.wuaigou.ops.local.OpenApiOperations.Operation;
import com.wuaigou.ops.local.OpenApiOperations.Parameter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nothing a client sends gets a 500: every operation of the service's own OpenAPI document is sent malformed JSON,
 * a value of the wrong type, out of bounds, too long or holding U+0000 for each field of its body, and malformed path
 * and query values. Each must be refused with a 4xx {@code application/problem+json} naming the field or parameter,
 * in the API's words, and the service's database must be as it was. A service's test extends it, annotated
 * {@code @QuarkusTest}; like {@link ServiceBasicsContract}, every service runs it.
 */
public abstract class ApiRobustnessContract {

    private static final String PROBLEM = "application/problem+json";
    private static final String TEXT_WITH_NUL = "a\u0000b";
    /** Written in the background by the outbox relay and the consumers' ledger, whatever the requests. */
    private static final Set<String> BOOKKEEPING = Set.of("outbox_event", "processed_event");
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Duration CATCHING_UP = Duration.ofSeconds(60);

    private OpenApiOperations api;

    @Test
    void shouldBoundEveryTextAndDecimalOfEveryRequestBodyInOpenApi() {
        List<String> gaps = new ArrayList<>();
        for (Operation operation : operations().all()) {
            if (operation.takesJson()) {
                fields(operation.body(), "", (field, schema) -> {
                    String type = OpenApiOperations.type(schema);
                    if (type.equals("string") && isFreeText(schema) && !schema.containsKey("maxLength")) {
                        gaps.add(operation.name() + " " + field + " has no maxLength");
                    }
                    if (type.equals("number") && !(schema.containsKey("maximum") && schema.containsKey("multipleOf"))) {
                        gaps.add(operation.name() + " " + field + " has no maximum or multipleOf");
                    }
                });
            }
        }
        assertEquals(List.of(), gaps, "request body fields without bounds in OpenAPI");
    }

    @Test
    void shouldRefuseMalformedBodiesOfEveryOperationAndChangeNothing() {
        everyRefusedAndNothingChanged("malformed bodies not refused with a problem", (operation, gaps) -> {
            if (operation.takesJson()) {
                for (String malformed : List.of("{\"", "{\"a\":1,}", "[1, 2", "{} {}")) {
                    expectRefusal(gaps, operation.name() + " with body " + malformed, send(operation, Map.of(), malformed), null);
                }
            } else if (operation.body() != null) {
                expectRefusal(gaps, operation.name() + " with U+0000 in its " + operation.mediaType() + " body",
                        send(operation, Map.of(), "code,name\n" + TEXT_WITH_NUL + ",x\n"), null);
            }
        });
    }

    @Test
    void shouldRefuseEveryWrongValueOfEveryBodyFieldNamingTheFieldAndChangeNothing() {
        everyRefusedAndNothingChanged("wrong body values not refused with a problem naming the field", (operation, gaps) -> {
            if (!operation.takesJson()) {
                return;
            }
            Object valid = validValue(operation.body());
            fields(operation.body(), "", (field, schema) -> {
                for (String wrong : wrongValues(schema)) {
                    String body = Json.write(Json.replace(valid, field, new Json.Raw(wrong)));
                    expectRefusal(gaps, operation.name() + " with " + field + " = " + abbreviated(wrong),
                            send(operation, Map.of(), body), field);
                }
            });
        });
    }

    @Test
    void shouldRefuseMalformedPathAndQueryValuesNamingTheParameterAndChangeNothing() {
        everyRefusedAndNothingChanged("malformed parameters not refused with a problem naming them", (operation, gaps) -> {
            String body = operation.takesJson() ? Json.write(validValue(operation.body()))
                    : operation.body() != null ? "x\n" : null;
            for (Parameter parameter : operation.parameters()) {
                if (!parameter.in().equals("path") && !parameter.in().equals("query")) {
                    continue;
                }
                for (String malformed : malformedParameters(parameter.schema())) {
                    expectRefusal(gaps, operation.name() + " with " + parameter.name() + " = " + abbreviated(malformed),
                            send(operation, Map.of(parameter.name(), malformed), body), parameter.name());
                }
            }
        });
    }

    /** Sends each operation's refusable requests, then asserts every one was refused and no table changed. */
    private void everyRefusedAndNothingChanged(String gapsAre, BiConsumer<Operation, List<String>> requests) {
        Map<String, String> before = tables();
        List<String> gaps = new ArrayList<>();
        operations().all().forEach(operation -> requests.accept(operation, gaps));
        assertEquals(List.of(), gaps, gapsAre);
        assertEquals(before, tables(), "a refused request changed the database");
    }

    /** The service's OpenAPI document, read once per test. */
    private OpenApiOperations operations() {
        if (api == null) {
            api = new OpenApiOperations(ServiceBasicsContract.openApi());
        }
        return api;
    }

    /** Visits every field of a body, nested objects and list elements included ({@code shifts[0].date}). */
    @SuppressWarnings("unchecked")
    private void fields(Map<String, Object> schema, String prefix, BiConsumer<String, Map<String, Object>> visitor) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        properties.forEach((name, value) -> {
            String field = prefix.isEmpty() ? name : prefix + "." + name;
            Map<String, Object> property = operations().resolve((Map<String, Object>) value);
            visitor.accept(field, property);
            visitNested(property, field, visitor);
        });
    }

    @SuppressWarnings("unchecked")
    private void visitNested(Map<String, Object> schema, String field, BiConsumer<String, Map<String, Object>> visitor) {
        String type = OpenApiOperations.type(schema);
        if (type.equals("object")) {
            fields(schema, field, visitor);
        } else if (type.equals("array") && schema.get("items") instanceof Map<?, ?> items) {
            Map<String, Object> element = operations().resolve((Map<String, Object>) items);
            visitor.accept(field + "[0]", element);
            visitNested(element, field + "[0]", visitor);
        }
    }

    /** A value of the right type for every field, so that each wrong value is the only thing wrong. */
    @SuppressWarnings("unchecked")
    private Object validValue(Map<String, Object> schema) {
        OpenApiOperations resolver = operations();
        return switch (OpenApiOperations.type(schema)) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).forEach((name, value) ->
                        object.put(name, validValue(resolver.resolve((Map<String, Object>) value))));
                yield object;
            }
            case "array" -> List.of(validValue(resolver.resolve((Map<String, Object>) schema.getOrDefault("items", Map.of()))));
            case "integer" -> schema.get("minimum") instanceof Number min && min.longValue() > 1 ? min.longValue() : 1;
            case "number" -> 1;
            case "boolean" -> true;
            case "string" -> validText(schema);
            default -> "x";
        };
    }

    private static String validText(Map<String, Object> schema) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.get(0));
        }
        if ("date".equals(schema.get("format"))) {
            return "2025-01-06";
        }
        if ("date-time".equals(schema.get("format"))) {
            return "2025-01-06T08:00:00+08:00";
        }
        return schema.get("example") instanceof String example ? example : "X";
    }

    /** JSON values a field of this schema must refuse: the wrong type, beyond its bounds, too long, U+0000. */
    private static List<String> wrongValues(Map<String, Object> schema) {
        List<String> wrong = new ArrayList<>();
        switch (OpenApiOperations.type(schema)) {
            case "string" -> {
                wrong.addAll(List.of("12", "true", "{}"));
                if (schema.containsKey("enum")) {
                    wrong.addAll(List.of("0", "\"NOT_A_VALUE\""));
                } else if ("date".equals(schema.get("format"))) {
                    wrong.addAll(List.of("20089", "\"2025-02-30\""));
                } else {
                    wrong.add(Json.write(TEXT_WITH_NUL));
                    if (schema.get("maxLength") instanceof Number max) {
                        wrong.add(Json.write("x".repeat(max.intValue() + 1)));
                    }
                }
            }
            case "integer" -> {
                wrong.addAll(List.of("1.5", "true", "\"abc\"", "1e13", "9223372036854775808"));
                beyondBounds(schema, wrong);
            }
            case "number" -> {
                wrong.addAll(List.of("true", "\"abc\"", "1e308", "9223372036854775808"));
                beyondBounds(schema, wrong);
                if (schema.get("multipleOf") instanceof Number step) {
                    wrong.add(new BigDecimal(step.toString()).movePointLeft(1).toPlainString());
                }
            }
            case "boolean" -> wrong.addAll(List.of("0", "1", "\"true\"", "\"maybe\""));
            case "array", "object" -> wrong.addAll(List.of("\"x\"", "5"));
            default -> {
            }
        }
        return wrong;
    }

    private static void beyondBounds(Map<String, Object> schema, List<String> wrong) {
        if (schema.get("maximum") instanceof Number max) {
            wrong.add(new BigDecimal(max.toString()).add(BigDecimal.ONE).toPlainString());
        }
        if (schema.get("minimum") instanceof Number min) {
            wrong.add(new BigDecimal(min.toString()).subtract(BigDecimal.ONE).toPlainString());
        }
    }

    /** Path and query values this parameter must refuse. */
    private static List<String> malformedParameters(Map<String, Object> schema) {
        return switch (OpenApiOperations.type(schema)) {
            case "integer" -> List.of("abc", "1.5", "99999999999999999999");
            case "number" -> List.of("abc");
            case "boolean" -> List.of("maybe", "1");
            case "string" -> schema.containsKey("enum") ? List.of("NOT_A_VALUE", TEXT_WITH_NUL)
                    : "date".equals(schema.get("format")) ? List.of("2025-02-30", "20250", TEXT_WITH_NUL)
                    : List.of(TEXT_WITH_NUL);
            default -> List.of();
        };
    }

    private static boolean isFreeText(Map<String, Object> schema) {
        return !schema.containsKey("enum") && !schema.containsKey("format");
    }

    /** Sends the operation as the admin, with valid path values but for those given. */
    private Response send(Operation operation, Map<String, String> parameters, String body) {
        String path = operation.path();
        Map<String, String> query = new TreeMap<>();
        for (Parameter parameter : operation.parameters()) {
            String value = parameters.get(parameter.name());
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}",
                        encode(value != null ? value : String.valueOf(validValue(parameter.schema()))));
            } else if (value != null && parameter.in().equals("query")) {
                query.put(parameter.name(), value);
            }
        }
        StringBuilder address = new StringBuilder(path);
        query.forEach((name, value) -> address.append(address.indexOf("?") < 0 ? '?' : '&')
                .append(encode(name)).append('=').append(encode(value)));
        RequestSpecification request = given().urlEncodingEnabled(false)
                .auth().oauth2(DevTokens.mint(DemoIdentities.ADMIN_ID, "admin"));
        // Sent as JSON clients send every write, with a content type even when there is no body: whether an operation
        // also takes a request without one is not what this contract is about.
        request.contentType(operation.mediaType() == null ? "application/json" : operation.mediaType());
        if (body != null) {
            request.body(body);
        }
        return request.request(operation.method().toUpperCase(), address.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void expectRefusal(List<String> gaps, String what, Response response, String name) {
        int status = response.statusCode();
        String contentType = response.contentType();
        if (status < 400 || status >= 500 || contentType == null || !contentType.startsWith(PROBLEM)) {
            gaps.add(what + " answered " + status + " " + contentType + " " + abbreviated(response.asString()));
            return;
        }
        JsonPath problem = response.jsonPath();
        String detail = String.valueOf(problem.getString("detail"));
        List<String> fields = problem.getList("errors.field");
        if (name != null && (fields == null || !fields.contains(name)) && !detail.contains(name)) {
            gaps.add(what + " answered " + status + " without naming " + name + ": " + detail);
        }
        if (detail.contains("java.") || detail.contains("Exception") || detail.contains("`")) {
            gaps.add(what + " answered in Java's words: " + detail);
        }
    }

    private static String abbreviated(String text) {
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }

    /**
     * Every table of the service's database with a digest of its rows, once its consumers have applied every event
     * sent before (earlier tests' events would change the tables they keep).
     */
    private static Map<String, String> tables() {
        Config config = ConfigProvider.getConfig();
        awaitConsumers(config);
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (BOOKKEEPING.contains(table)) {
                    continue;
                }
                try (ResultSet digest = statement.executeQuery("select count(*) || ':' || md5(coalesce(string_agg(t::text, '|'"
                        + " order by t::text), '')) from \"" + table + "\" t")) {
                    digest.next();
                    digests.put(table, digest.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The service's tables could not be read", e);
        }
        return digests;
    }

    private static void awaitConsumers(Config config) {
        TopicProbe broker = new TopicProbe(LocalInfraTestResource.kafka().bootstrapServers());
        for (String property : config.getPropertyNames()) {
            Matcher channel = CHANNEL_TOPIC.matcher(property);
            if (!channel.matches()) {
                continue;
            }
            String topic = config.getValue(property, String.class);
            String group = config.getValue("mp.messaging.incoming." + channel.group(1) + ".group.id", String.class);
            Instant deadline = Instant.now().plus(CATCHING_UP);
            while (!broker.caughtUp(group, topic)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(group + " did not catch up with " + topic + " within " + CATCHING_UP);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the consumers", e);
        }
    }
}
