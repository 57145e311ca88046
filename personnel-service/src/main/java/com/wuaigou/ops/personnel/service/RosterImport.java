package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.problem.Problem;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.Post;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffGroup;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Imports a roster from CSV, all or nothing: every row is checked first against the same rules as the API, and either
 * every row is created (each with its event) or none is and the answer lists every bad row.
 */
@ApplicationScoped
public class RosterImport {

    public static final String HEADER = "employeeNumber,name,groupCode,postCode,groupRole,hireDate,status,statusSince,"
            + "developmentDirection,phone,qq,email";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
    private static final Pattern QQ = Pattern.compile("[1-9][0-9]{4,11}");
    /** An address, at most as long as the column keeps. */
    private static final Pattern EMAIL = Pattern.compile("(?=.{1,200}$)[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StaffService staff;

    RosterImport(StaffService staff) {
        this.staff = staff;
    }

    private record Row(int line, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    @Transactional
    public List<Long> importCsv(String csv) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Row> rows = parse(csv == null ? "" : csv, errors);
        List<StaffService.NewStaff> people = new ArrayList<>();
        Map<String, Integer> numbersSeen = new HashMap<>();
        Map<String, Integer> managersSeen = new HashMap<>();
        for (Row row : rows) {
            StaffService.NewStaff person = check(row, errors, numbersSeen, managersSeen);
            if (person != null) {
                people.add(person);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("line 2", "the file has no rows after the header"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RosterRules.VALID_IMPORT, errors.size()
                    + " problems in the file; nothing was imported", errors);
        }
        return people.stream().map(person -> staff.create(person, null).id).toList();
    }

    private static List<Row> parse(String csv, List<Problem.FieldError> errors) {
        String[] lines = csv.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            errors.add(new Problem.FieldError("line 1", "the header line is missing: " + HEADER));
            return List.of();
        }
        List<String> header = split(lines[0].replace("\uFEFF", "")).stream().map(String::trim).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new Problem.FieldError("line 1", "the header lacks " + String.join(", ", missing)));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[i]);
            if (cells.size() != header.size()) {
                errors.add(new Problem.FieldError("line " + (i + 1), "has " + cells.size() + " columns, the header "
                        + header.size()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(i + 1, values));
        }
        return rows;
    }

    /** Splits one CSV line; double quotes enclose commas, and a doubled quote inside them stands for one. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static StaffService.NewStaff check(Row row, List<Problem.FieldError> errors, Map<String, Integer> numbersSeen,
                                               Map<String, Integer> managersSeen) {
        int before = errors.size();
        String number = row.get("employeeNumber");
        if (number == null || !EMPLOYEE_NUMBER.matcher(number).matches()) {
            error(errors, row, "employeeNumber", "must be 1-40 letters, digits, - or _");
        } else if (numbersSeen.containsKey(number)) {
            error(errors, row, "employeeNumber", RosterRules.UNIQUE_EMPLOYEE_NUMBER + ": " + number
                    + " is also on line " + numbersSeen.get(number));
        } else if (Staff.findByEmployeeNumber(number).isPresent()) {
            error(errors, row, "employeeNumber", RosterRules.UNIQUE_EMPLOYEE_NUMBER + ": " + number
                    + " already belongs to someone");
        }
        if (number != null) {
            numbersSeen.putIfAbsent(number, row.line());
        }
        String name = row.get("name");
        if (name == null || name.length() > 100) {
            error(errors, row, "name", "must not be blank nor longer than 100");
        }
        String groupCode = row.get("groupCode");
        StaffGroup group = groupCode == null ? null : StaffGroup.findById(groupCode);
        if (group == null) {
            error(errors, row, "groupCode", RosterRules.UNKNOWN_GROUP + ": no group " + groupCode);
        }
        String postCode = row.get("postCode");
        Post post = postCode == null ? null : Post.findById(postCode);
        if (post == null) {
            error(errors, row, "postCode", RosterRules.UNKNOWN_POST + ": no post " + postCode);
        } else if (group != null && !post.groupCode.equals(group.code)) {
            error(errors, row, "postCode", RosterRules.POST_NOT_IN_GROUP + ": " + postCode + " belongs to "
                    + post.groupCode);
        }
        GroupRole role = parseEnum(GroupRole.class, row, "groupRole", true, errors);
        StaffStatus status = parseEnum(StaffStatus.class, row, "status", false, errors);
        LocalDate hired = parseDate(row, "hireDate", true, errors);
        LocalDate since = parseDate(row, "statusSince", false, errors);
        if (hired != null && since != null && (since.isBefore(hired) || (status == StaffStatus.LEFT && !since.isAfter(hired)))) {
            error(errors, row, "statusSince", RosterRules.STATUS_DATE_IN_PLACEMENT + ": must not be before hireDate"
                    + (status == StaffStatus.LEFT ? ", and after it for a leaver" : ""));
        }
        if (role == GroupRole.MANAGER && group != null) {
            if (status != null && status != StaffStatus.ACTIVE) {
                error(errors, row, "groupRole", RosterRules.MANAGER_MUST_BE_ACTIVE_MEMBER + ": a manager must be active");
            } else if (group.managerId != null) {
                error(errors, row, "groupRole", RosterRules.ONE_MANAGER_PER_GROUP + ": group " + group.code
                        + " already has manager " + group.managerId);
            } else if (managersSeen.containsKey(group.code)) {
                error(errors, row, "groupRole", RosterRules.ONE_MANAGER_PER_GROUP + ": line "
                        + managersSeen.get(group.code) + " is already the manager of " + group.code);
            } else {
                managersSeen.put(group.code, row.line());
            }
        }
        String direction = row.get("developmentDirection");
        if (direction != null && direction.length() > 2000) {
            error(errors, row, "developmentDirection", "must not be longer than 2000");
        }
        checkPattern(row, "phone", PHONE, "must be a phone number of 5-20 digits", errors);
        checkPattern(row, "qq", QQ, "must be a QQ number of 5-12 digits", errors);
        checkPattern(row, "email", EMAIL, "must be an e-mail address of at most 200 characters", errors);
        if (errors.size() > before) {
            return null;
        }
        return new StaffService.NewStaff(number, name, groupCode, postCode, role, status, since, hired, direction,
                new StaffService.Contact(row.get("phone"), row.get("qq"), row.get("email")), false);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, Row row, String column, boolean required,
                                                   List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                error(errors, row, column, "must not be blank");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            error(errors, row, column, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static LocalDate parseDate(Row row, String column, boolean required, List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                error(errors, row, column, "must not be blank");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(errors, row, column, "must be a date YYYY-MM-DD, not " + value);
            return null;
        }
    }

    private static void checkPattern(Row row, String column, Pattern pattern, String message,
                                     List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value != null && !pattern.matcher(value).matches()) {
            error(errors, row, column, message);
        }
    }

    private static void error(List<Problem.FieldError> errors, Row row, String column, String message) {
        errors.add(new Problem.FieldError("line " + row.line() + ": " + column, message));
    }
}
