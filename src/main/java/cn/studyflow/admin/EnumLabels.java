package cn.studyflow.admin;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * The constants of an enum by the names files and administrators give them: the constant's name in any case, or
 * its label in Chinese or English as the bundles spell them ({@code prefix + name}).
 *
 * @param <E> the enum
 */
class EnumLabels<E extends Enum<E>> {

    private final Map<String, E> byKey = new HashMap<>();
    private final String prefix;
    private final MessageSource messages;

    EnumLabels(Class<E> type, String prefix, MessageSource messages) {
        this.prefix = prefix;
        this.messages = messages;
        for (E value : type.getEnumConstants()) {
            byKey.put(key(value.name()), value);
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                String label = messages.getMessage(prefix + value.name(), null, null, locale);
                if (label != null) {
                    byKey.putIfAbsent(key(label), value);
                }
            }
        }
    }

    Optional<E> find(String name) {
        return byKey(key(name));
    }

    /** The Chinese label of a constant, as the import template and the export write it. */
    String chinese(E value) {
        return messages.getMessage(prefix + value.name(), null, value.name(), Locale.SIMPLIFIED_CHINESE);
    }

    /** The constant of a name as {@link #key} has made it. */
    protected Optional<E> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** A name as the lookup compares it: without surrounding blanks, in lower case. */
    protected static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
