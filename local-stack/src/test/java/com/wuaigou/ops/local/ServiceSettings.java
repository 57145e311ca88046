package com.wuaigou.ops.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings a service has, read from its sources as a reviewer would: the keys of its application.properties and
 * the properties of every {@code @ConfigMapping} interface in its own code and in the libraries it names. A setting is
 * required from outside when the packaged service (profile prod) has no value for it: the dev profile sets it, or a
 * mapping declares it without a default and not optional, and neither application.properties nor %prod sets it.
 */
record ServiceSettings(Set<String> properties, Set<String> requiredFromOutside) {

    private static final Pattern PROFILED = Pattern.compile("%([^.]+)\\.(.+)");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)[^{]*?interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("interface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern MEMBER = Pattern.compile("(?s)(.*?)([\\w.]+(?:<[\\w.<>, ?]+>)?)\\s+(\\w+)\\(\\s*\\)");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([^\"]+)\"\\)");
    private static final Set<String> OPTIONAL_TYPES = Set.of("Optional", "OptionalInt", "OptionalLong", "OptionalDouble");

    /** The settings of the service in {@code module}, with those of the library modules it depends on. */
    static ServiceSettings of(Path module, List<Path> libraries) {
        Map<String, Boolean> mapped = new HashMap<>();
        Stream.concat(Stream.of(module), libraries.stream())
                .forEach(source -> mappingsIn(source.resolve("src/main/java"), mapped));
        Set<String> inProperties = new HashSet<>();
        Set<String> setForProd = new HashSet<>();
        Set<String> setForDevOnly = new HashSet<>();
        Properties file = load(module.resolve("src/main/resources/application.properties"));
        for (String key : file.stringPropertyNames()) {
            Matcher profiled = PROFILED.matcher(key);
            if (!profiled.matches()) {
                inProperties.add(key);
                setForProd.add(key);
                continue;
            }
            Set<String> profiles = Set.of(profiled.group(1).split(","));
            String name = profiled.group(2);
            inProperties.add(name);
            if (profiles.contains("prod")) {
                setForProd.add(name);
            } else if (profiles.contains("dev")) {
                setForDevOnly.add(name);
            }
        }
        Set<String> required = new TreeSet<>();
        setForDevOnly.stream().filter(name -> !mapped.containsKey(name)).forEach(required::add);
        mapped.forEach((name, needsValue) -> {
            if (needsValue) {
                required.add(name);
            }
        });
        required.removeAll(setForProd);
        Set<String> all = new TreeSet<>(inProperties);
        all.addAll(mapped.keySet());
        return new ServiceSettings(all, required);
    }

    /** MicroProfile Config's rule: every character but letters and digits becomes {@code _}, then upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** The environment variable that sets each setting, with the setting it sets. */
    Map<String, String> byEnvironmentName() {
        Map<String, String> names = new HashMap<>();
        properties.forEach(property -> names.put(environmentName(property), property));
        return names;
    }

    /** Each mapped property, true when the service needs a value for it (no default, not optional). */
    private static void mappingsIn(Path sources, Map<String, Boolean> mapped) {
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String code = withoutComments(read(file));
                if (!code.contains("@ConfigMapping(")) {
                    return;
                }
                Matcher mapping = MAPPING.matcher(code);
                if (!mapping.find()) {
                    throw new IllegalStateException("Cannot read the @ConfigMapping in " + file);
                }
                members(interfaces(code), mapping.group(2), mapping.group(1), mapped);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void members(Map<String, String> interfaces, String type, String prefix, Map<String, Boolean> mapped) {
        for (String declaration : topLevel(interfaces.get(type)).split(";")) {
            // A constant of the interface (NAME = "...") is no setting.
            if (declaration.isBlank() || declaration.contains("=")) {
                continue;
            }
            Matcher member = MEMBER.matcher(declaration.strip());
            if (!member.matches()) {
                throw new IllegalStateException("Cannot read the mapping member '" + declaration.strip() + "' of " + type);
            }
            String annotations = member.group(1);
            String memberType = member.group(2);
            Matcher withName = WITH_NAME.matcher(annotations);
            String property = prefix + "." + (withName.find() ? withName.group(1) : kebab(member.group(3)));
            if (interfaces.containsKey(memberType)) {
                members(interfaces, memberType, property, mapped);
            } else {
                String raw = memberType.replaceAll("<.*", "");
                mapped.put(property, !annotations.contains("@WithDefault") && !OPTIONAL_TYPES.contains(raw));
            }
        }
    }

    /** Every interface declared in a file, by simple name, with the code between its braces. */
    private static Map<String, String> interfaces(String code) {
        Map<String, String> bodies = new HashMap<>();
        Matcher declaration = INTERFACE.matcher(code);
        while (declaration.find()) {
            int depth = 1;
            int end = declaration.end();
            while (depth > 0) {
                char c = code.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            bodies.put(declaration.group(1), code.substring(declaration.end(), end - 1));
        }
        return bodies;
    }

    /** The body without what nested braces hold, so only the interface's own members remain. */
    private static String topLevel(String body) {
        StringBuilder own = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                own.append(';');
            } else if (depth == 0) {
                own.append(c);
            }
        }
        return own.toString().replaceAll("(?s)interface\\s+\\w+[^;]*;", "");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
