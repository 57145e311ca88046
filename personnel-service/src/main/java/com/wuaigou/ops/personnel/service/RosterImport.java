package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.csv.CsvTable;
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

    @Transactional
    public List<Long> importCsv(String csv) {
        List<CsvTable.Row> rows = CsvTable.read(csv == null ? "" : csv, COLUMNS);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<StaffService.NewStaff> people = new ArrayList<>();
        Map<String, Integer> numbersSeen = new HashMap<>();
        Map<String, Integer> managersSeen = new HashMap<>();
        for (CsvTable.Row row : rows) {
            StaffService.NewStaff person = check(row, errors, numbersSeen, managersSeen);
            if (person != null) {
                people.add(person);
            }
        }
        if (rows.isEmpty()) {
            errors.add(new Problem.FieldError(CsvTable.row(1), "the file has no rows after the header"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.ruleViolation(RosterRules.VALID_IMPORT, errors.size()
                    + " problems in the file; nothing was imported", errors);
        }
        return people.stream().map(person -> staff.create(person, null).id).toList();
    }

    private static StaffService.NewStaff check(CsvTable.Row row, List<Problem.FieldError> errors,
                                               Map<String, Integer> numbersSeen, Map<String, Integer> managersSeen) {
        int before = errors.size();
        String number = row.get("employeeNumber");
        if (number == null || !EMPLOYEE_NUMBER.matcher(number).matches()) {
            errors.add(row.error("employeeNumber", "must be 1-40 letters, digits, - or _"));
        } else if (numbersSeen.containsKey(number)) {
            errors.add(row.error("employeeNumber", RosterRules.UNIQUE_EMPLOYEE_NUMBER + ": " + number
                    + " is also on row " + numbersSeen.get(number)));
        } else if (Staff.findByEmployeeNumber(number).isPresent()) {
            errors.add(row.error("employeeNumber", RosterRules.UNIQUE_EMPLOYEE_NUMBER + ": " + number
                    + " already belongs to someone"));
        }
        if (number != null) {
            numbersSeen.putIfAbsent(number, row.number());
        }
        String name = row.get("name");
        if (name == null || name.length() > 100) {
            errors.add(row.error("name", "must not be blank nor longer than 100"));
        }
        String groupCode = row.get("groupCode");
        StaffGroup group = groupCode == null ? null : StaffGroup.findById(groupCode);
        if (group == null) {
            errors.add(row.error("groupCode", RosterRules.UNKNOWN_GROUP + ": no group " + groupCode));
        }
        String postCode = row.get("postCode");
        Post post = postCode == null ? null : Post.findById(postCode);
        if (post == null) {
            errors.add(row.error("postCode", RosterRules.UNKNOWN_POST + ": no post " + postCode));
        } else if (group != null && !post.groupCode.equals(group.code)) {
            errors.add(row.error("postCode", RosterRules.POST_NOT_IN_GROUP + ": " + postCode + " belongs to "
                    + post.groupCode));
        }
        GroupRole role = parseEnum(GroupRole.class, row, "groupRole", true, errors);
        StaffStatus status = parseEnum(StaffStatus.class, row, "status", false, errors);
        LocalDate hired = parseDate(row, "hireDate", true, errors);
        LocalDate since = parseDate(row, "statusSince", false, errors);
        if (hired != null && since != null && (since.isBefore(hired) || (status == StaffStatus.LEFT && !since.isAfter(hired)))) {
            errors.add(row.error("statusSince", RosterRules.STATUS_DATE_IN_PLACEMENT + ": must not be before hireDate"
                    + (status == StaffStatus.LEFT ? ", and after it for a leaver" : "")));
        }
        if (role == GroupRole.MANAGER && group != null) {
            if (status != null && status != StaffStatus.ACTIVE) {
                errors.add(row.error("groupRole",
                        RosterRules.MANAGER_MUST_BE_ACTIVE_MEMBER + ": a manager must be active"));
            } else if (group.managerId != null) {
                errors.add(row.error("groupRole", RosterRules.ONE_MANAGER_PER_GROUP + ": group " + group.code
                        + " already has manager " + group.managerId));
            } else if (managersSeen.containsKey(group.code)) {
                errors.add(row.error("groupRole", RosterRules.ONE_MANAGER_PER_GROUP + ": row "
                        + managersSeen.get(group.code) + " is already the manager of " + group.code));
            } else {
                managersSeen.put(group.code, row.number());
            }
        }
        String direction = row.get("developmentDirection");
        if (direction != null && direction.length() > 2000) {
            errors.add(row.error("developmentDirection", "must not be longer than 2000"));
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

    private static <E extends Enum<E>> E parseEnum(Class<E> type, CsvTable.Row row, String column, boolean required,
                                                   List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                errors.add(row.error(column, "must not be blank"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(row.error(column, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static LocalDate parseDate(CsvTable.Row row, String column, boolean required,
                                       List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                errors.add(row.error(column, "must not be blank"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(row.error(column, "must be a date YYYY-MM-DD, not " + value));
            return null;
        }
    }

    private static void checkPattern(CsvTable.Row row, String column, Pattern pattern, String message,
                                     List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(row.error(column, message));
        }
    }
}
