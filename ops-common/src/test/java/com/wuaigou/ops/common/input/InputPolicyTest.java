package com.wuaigou.ops.common.input;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class InputPolicyTest {

    private static final String ADMIN = DevTokens.mint(1, "admin");
    private static final String INT = "must be a whole number from -2147483648 to 2147483647";
    private static final String LONG = "must be a whole number from -9223372036854775808 to 9223372036854775807";

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN);
    }

    private static ValidatableResponse post(String json) {
        return admin().contentType(ContentType.JSON).body(json).post("/api/v1/specimens").then();
    }

    private static void refused(String json, String field, String message) {
        post(json).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "validation"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message))
                .body("detail", not(containsString("java")))
                .body("detail", not(containsString("`")));
    }

    /** Each value, sent alone as the field's value, is refused with the message. */
    private static void refusedValues(String field, String message, String... values) {
        for (String value : values) {
            refused("{\"" + field + "\":" + value + "}", field, message);
        }
    }

    private static void refusedParameter(String path, String parameter, String message) {
        admin().get(path).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", equalTo(message))
                .body("detail", equalTo(parameter + ": " + message));
    }

    @Test
    void shouldReadEveryValueOfTheRightType() {
        post("""
                {"name":"Li Na","note":"line one\\nline\\ttwo","kind":"LARGE","day":"2025-01-31","flag":true,
                 "minutes":90,"amount":"12.50","id":7,"crew":[1,2]}""")
                .statusCode(200)
                .body("note", equalTo("line one\nline\ttwo")).body("kind", equalTo("LARGE"))
                .body("day", equalTo("2025-01-31")).body("amount", equalTo(12.50f));
    }

    @Test
    void shouldNotTurnNumbersIntoEnumsDatesBooleansOrText() {
        refusedValues("kind", "must be one of SMALL, LARGE", "0", "\"0\"");
        refusedValues("day", "must be a date YYYY-MM-DD", "20089");
        refusedValues("flag", "must be true or false", "1");
        refusedValues("name", "must be a string", "123", "true", "1.5");
    }

    @Test
    void shouldNotGuessBooleansFractionsEnumsOrEmptyValues() {
        refusedValues("flag", "must be true or false", "\"maybe\"", "\"true\"", "\"\"");
        refusedValues("minutes", INT, "1.5", "1e13", "\"\"", "99999999999");
        refusedValues("kind", "must be one of SMALL, LARGE", "\"small\"", "\"\"");
        refusedValues("day", "must be a date YYYY-MM-DD", "\"\"", "\"2025-02-30\"", "\"2025-01-01T00:00\"");
    }

    @Test
    void shouldNameTheFieldOfAWrongTypeByItsPathInTheBody() {
        refusedValues("id", LONG, "9223372036854775808", "\"x\"");
        refused("{\"crew\":[1,\"x\"]}", "crew[1]", LONG);
        refused("{\"crew\":5}", "crew", "must be a list");
        refused("[]", "body", "must be an object");
    }

    @Test
    void shouldRefuseNumbersBeyondTheirBoundsAndDecimalsBeyondTheColumn() {
        refusedValues("amount", "must be less than or equal to 999999999999.99", "1e308", "9223372036854775808");
        refused("{\"amount\":0.001}", "amount", "numeric value out of bounds (<12 digits>.<2 digits> expected)");
        refused("{\"minutes\":1441}", "minutes", "must be less than or equal to 1440");
    }

    @Test
    void shouldRefuseControlCharactersAndLineBreaksInOneLineText() {
        refusedValues("note", "must not contain the control character U+0000", "\"a\\u0000b\"");
        refusedValues("note", "must not contain the control character U+007F", "\"a\\u007fb\"");
        refusedValues("name", "must be one line, without line breaks, tabs or other control characters", "\"a\\nb\"");
        refusedValues("name", "size must be between 0 and 20", "\"" + "x".repeat(21) + "\"");
    }

    @Test
    void shouldRefuseMalformedJsonWithoutEchoingTheParser() {
        post("{\"name\": ").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "malformed-json"))
                .body("detail", equalTo("The request body is not valid JSON (line 1, column 10)"));
        post("{\"name\":\"a\"} trailing").statusCode(400).body("type", equalTo(Problem.TYPE_BASE + "malformed-json"));
        post("{\"name\":\"a\",\"name\":\"b\"}").statusCode(400).body("type", equalTo(Problem.TYPE_BASE + "malformed-json"));
        post("{\"amount\":" + "9".repeat(2000) + "}").statusCode(400).body("type", equalTo(Problem.TYPE_BASE + "malformed-json"));
    }

    @Test
    void shouldReadTextBodiesWithLineBreaksAndTabsButRefuseOtherControlCharacters() {
        admin().contentType("text/csv").body("a,b\n1,\t2\r\n").post("/api/v1/specimens/csv").then().statusCode(200)
                .body("lines", equalTo(2));
        admin().contentType("text/csv").body("a,b\n1,\u00002\n").post("/api/v1/specimens/csv").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must not contain the control character U+0000"));
        admin().contentType("text/csv; charset=no-such-charset").body("a".getBytes(StandardCharsets.UTF_8)).post("/api/v1/specimens/csv").then()
                .statusCode(400).body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void shouldReadQueryPathAndHeaderValuesStrictly() {
        admin().header("X-Key", "k1").get("/api/v1/specimens/5?day=2025-01-31&month=2025-02&kind=LARGE&flag=true&size=7&text=a b")
                .then().statusCode(200)
                .body("id", equalTo(5)).body("day", equalTo("2025-01-31")).body("month", equalTo("2025-02"))
                .body("kind", equalTo("LARGE")).body("flag", equalTo(true)).body("size", equalTo(7))
                .body("text", equalTo("a b")).body("key", equalTo("k1"));
    }

    @Test
    void shouldNameTheParameterOfAMalformedValueInsteadOfAnsweringNotFound() {
        refusedParameter("/api/v1/specimens/5?day=2025-02-30", "day", "must be a date YYYY-MM-DD");
        refusedParameter("/api/v1/specimens/5?month=2025-13", "month", "must be a month YYYY-MM");
        refusedParameter("/api/v1/specimens/5?kind=HUGE", "kind", "must be one of SMALL, LARGE");
        refusedParameter("/api/v1/specimens/5?flag=maybe", "flag", "must be true or false");
        refusedParameter("/api/v1/specimens/5?size=abc", "size", INT);
        refusedParameter("/api/v1/specimens/5?size=1.5", "size", INT);
        refusedParameter("/api/v1/specimens/abc", "id", LONG);
        refusedParameter("/api/v1/specimens/99999999999999999999", "id", LONG);
        admin().queryParam("text", "a\u0000b").get("/api/v1/specimens/5").then().statusCode(400)
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("must not contain line breaks, tabs or other control characters"));
    }

    @Test
    void shouldNameParametersByTheirNameOnTheWireWhenTheyBreakAConstraint() {
        refusedParameter("/api/v1/specimens/5?size=201", "size", "must be less than or equal to 200");
        admin().header("X-Key", "toolong").get("/api/v1/specimens/5").then().statusCode(400)
                .body("errors[0].field", equalTo("X-Key"));
        admin().header("X-Key", "").get("/api/v1/specimens/5").then().statusCode(400)
                .body("errors[0].field", equalTo("X-Key"))
                .body("errors[0].message", equalTo("must not be blank; leave the header out to send none"));
        admin().contentType(ContentType.JSON).post("/api/v1/specimens").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }
}
