package com.wuaigou.ops.personnel;

import com.wuaigou.ops.common.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.wuaigou.ops.personnel.TestRoster.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RosterImportTest {

    private static final String HEADER = "employeeNumber,name,groupCode,postCode,groupRole,hireDate,status,statusSince,"
            + "developmentDirection,phone,qq,email\n";

    @Test
    void shouldImportEveryRowWithItsEvent() {
        String code = newGroup();
        String a = unique("I-");
        String b = unique("I-");
        String csv = HEADER
                + a + ",Import Manager," + code + "," + code + "-P,MANAGER,2024-05-06,,,\"Lead, later\",13800002222,12345678,m@example.com\n"
                + b + ",Import Member," + code + "," + code + "-P,MEMBER,2024-06-01,ON_LEAVE,2025-01-10,,,,\n";

        JsonPath result = given().auth().oauth2(DIRECTOR).contentType("text/csv").body(csv)
                .post("/api/v1/staff/import").then().statusCode(201)
                .body("created", equalTo(2)).extract().jsonPath();

        List<Long> ids = result.getList("ids", Long.class);
        assertThat(person(ids.get(0)).getString("developmentDirection")).isEqualTo("Lead, later");
        assertThat(person(ids.get(1)).getString("status")).isEqualTo("ON_LEAVE");
        assertThat(group(code).getLong("managerId")).isEqualTo(ids.get(0));
        exactly(1, STAFF_TOPIC, Long.toString(ids.get(1)));
    }

    @Test
    void shouldImportNothingAndListEveryBadRow() {
        String code = newGroup();
        String good = unique("I-");
        String twice = unique("I-");
        String csv = HEADER
                + good + ",Fine Person," + code + "," + code + "-P,MANAGER,2024-05-06,,,,,,\n"
                + twice + ",Bad Date," + code + "," + code + "-P,MEMBER,2024-13-01,,,,,,\n"
                + twice + ",Second Manager," + code + "," + code + "-P,MANAGER,2024-05-06,,,,,,\n"
                + unique("I-") + ",Wrong Post," + code + ",CS-AGENT,MEMBER,2024-05-06,,,,,12,\n"
                + unique("I-") + ",Long Mail," + code + "," + code + "-P,MEMBER,2024-05-06,,,,,," + "m".repeat(190)
                + "@example.com\n";

        JsonPath problem = given().auth().oauth2(ADMIN).contentType("text/csv").body(csv)
                .post("/api/v1/staff/import").then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "valid-import"))
                .extract().jsonPath();

        assertThat(problem.getList("errors.field", String.class)).containsExactlyInAnyOrder(
                "row 2, column hireDate", "row 3, column employeeNumber", "row 3, column groupRole",
                "row 4, column postCode", "row 4, column qq", "row 5, column email");
        assertThat(problem.getList("errors.message", String.class))
                .contains("unique-employee-number: " + twice + " is also on row 2",
                        "one-manager-per-group: row 1 is already the manager of " + code);
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code).then().body("total", equalTo(0));
        assertThat(records(STAFF_TOPIC, v -> v.contains(good))).isEmpty();
    }

    @Test
    void shouldKeepALineBreakInsideQuotesAsPartOfTheValue() {
        String code = newGroup();

        long id = importing(DIRECTOR, HEADER + member(code, "2024-05-06", "\"Photography,\nthen design\""))
                .statusCode(201).extract().jsonPath().getLong("ids[0]");

        assertThat(person(id).getString("developmentDirection")).isEqualTo("Photography,\nthen design");
    }

    @Test
    void shouldReadAFileThatStartsWithAByteOrderMark() {
        String code = newGroup();

        importing(DIRECTOR, "\uFEFF" + HEADER + member(code, "2024-05-06", "")).statusCode(201)
                .body("created", equalTo(1));
    }

    @Test
    void shouldNumberRowsAsTheFileDataRowsHoweverManyLinesTheySpan() {
        String code = newGroup();
        String csv = HEADER + member(code, "2024-05-06", "\"one\ntwo\nthree\"") + "\n" + member(code, "2024-02-30", "");

        importing(ADMIN, csv).statusCode(422).body("errors.field", contains("row 2, column hireDate"));
    }

    @Test
    void shouldRefuseAnUnclosedQuoteAsMalformedNamingRowAndColumnAndCreateNothing() {
        String code = newGroup();
        String csv = HEADER + member(code, "2024-05-06", "") + member(code, "2024-05-06", "\"open quote");

        importing(ADMIN, csv).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "malformed-csv"))
                .body("errors.field", contains("row 2, column developmentDirection"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code).then().body("total", equalTo(0));
        assertThat(records(STAFF_TOPIC, v -> v.contains(code))).isEmpty();
    }

    @Test
    void shouldRefuseRowsWithAnotherNumberOfValuesThanTheHeaderAsMalformed() {
        String code = newGroup();

        importing(ADMIN, HEADER + member(code, "2024-05-06", "") + "only,three,columns\n").statusCode(400)
                .body("type", equalTo(Problem.TYPE_BASE + "malformed-csv"))
                .body("errors.field", contains("row 2"));
        given().auth().oauth2(ADMIN).get("/api/v1/staff?group=" + code).then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseTheImportToEveryoneButDirectorsAndAdmins() {
        for (String token : List.of(staffToken(10), managerToken(10), BI)) {
            given().auth().oauth2(token).contentType("text/csv").body(HEADER)
                    .post("/api/v1/staff/import").then().statusCode(403);
        }
    }

    /** A row for a new member of the group, hired on {@code hired}, with the development direction as written. */
    private static String member(String code, String hired, String direction) {
        return unique("I-") + ",Imported Member," + code + "," + code + "-P,MEMBER," + hired + ",,," + direction
                + ",,,\n";
    }

    /** Posts the file as a client uploads it: its UTF-8 bytes. */
    private static ValidatableResponse importing(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/staff/import").then();
    }
}
