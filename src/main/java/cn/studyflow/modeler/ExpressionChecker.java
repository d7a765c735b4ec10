package cn.studyflow.modeler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks the expressions ({@code ${…}} and {@code #{…}}) in a text against a whitelist grammar: process
 * variable names, literals, operators and grouping parentheses, nothing else. No method or function calls,
 * no property or index access, no engine objects ({@code execution}, {@code task}…) and no Spring beans.
 * Anything the grammar does not know is refused, so an unforeseen construct fails closed.
 */
final class ExpressionChecker {

    /** One reason an expression is refused: a message key of the modeler bundle and its argument. */
    record Finding(String code, String detail) {
    }

    /** Names the engine resolves to its own objects or that reach the JVM; never a process variable. */
    static final Set<String> FORBIDDEN = Set.of("execution", "task", "externalTask", "caseExecution",
        "variableScope", "authenticatedUserId", "processEngine", "processEngineServices", "applicationContext",
        "class", "getClass", "Class", "Runtime", "System", "Thread", "ProcessBuilder", "ClassLoader", "T",
        "java", "javax", "jdk", "sun", "org", "com", "Object", "Math");

    private static final Set<String> FORBIDDEN_ANY_CASE = Set.of("execution", "task", "runtime", "system",
        "class", "getclass", "classloader", "processbuilder", "thread", "processengine");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
        "true", "false", "null", "empty", "div", "mod");

    private static final Set<String> OPERATORS = Set.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+",
        "-", "*", "/", "%", "?", ":");

    private final Predicate<String> isBean;

    /** @param isBean whether a name is a Spring bean, which the engine would resolve before failing */
    ExpressionChecker(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * The refused constructs in the expressions of a text, the first of each kind per expression; empty when
     * all are acceptable.
     */
    List<Finding> check(String text) {
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        while (text != null && i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                List<Finding> one = new ArrayList<>();
                i = checkOne(text, i + 2, one);
                Set<String> codes = new java.util.HashSet<>();
                one.stream().filter(f -> codes.add(f.code())).forEach(findings::add);
            } else {
                i++;
            }
        }
        return findings;
    }

    /** Checks one expression body starting at {@code start}; returns the index after its closing brace. */
    private int checkOne(String text, int start, List<Finding> findings) {
        int i = start;
        // what came before a '(' decides whether it groups or calls
        boolean afterOperand = false;
        int tokens = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '}') {
                if (tokens == 0) {
                    findings.add(new Finding("modeler.expr.syntax", "${}"));
                }
                return i + 1;
            }
            tokens++;
            if (c == '\'' || c == '"') {
                int end = endOfString(text, i);
                if (end < 0) {
                    findings.add(new Finding("modeler.expr.syntax", text.substring(i)));
                    return text.length();
                }
                i = end;
                afterOperand = true;
            } else if (Character.isDigit(c)) {
                i = endOfNumber(text, i);
                afterOperand = true;
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end)) && text.charAt(end) != '$') {
                    end++;
                }
                String name = text.substring(i, end);
                i = end;
                if (KEYWORDS.contains(name)) {
                    afterOperand = Set.of("true", "false", "null").contains(name);
                    continue;
                }
                if (nextNonSpace(text, i) == '(') {
                    findings.add(new Finding("modeler.expr.call", name));
                    // the parenthesis that follows is this call's, not a second one
                    afterOperand = false;
                    continue;
                } else if (FORBIDDEN.contains(name) || FORBIDDEN_ANY_CASE.contains(name.toLowerCase(Locale.ROOT))) {
                    findings.add(new Finding("modeler.expr.forbidden", name));
                } else if (isBean.test(name)) {
                    findings.add(new Finding("modeler.expr.bean", name));
                }
                afterOperand = true;
            } else if (c == '.' || c == '[' || c == ']') {
                findings.add(new Finding("modeler.expr.member", String.valueOf(c)));
                i++;
                afterOperand = c == ']';
            } else if (c == '(') {
                if (afterOperand) {
                    findings.add(new Finding("modeler.expr.call", "("));
                }
                i++;
                afterOperand = false;
            } else if (c == ')') {
                i++;
                afterOperand = true;
            } else {
                String op = i + 1 < text.length() && OPERATORS.contains(text.substring(i, i + 2))
                    ? text.substring(i, i + 2) : String.valueOf(c);
                if (!OPERATORS.contains(op) || "->".equals(text.substring(i, Math.min(i + 2, text.length())))) {
                    findings.add(new Finding("modeler.expr.syntax", String.valueOf(c)));
                    // a stray brace or dollar may hide a second expression: keep scanning from here
                    if (c == '$' || c == '#' || c == '{') {
                        return i;
                    }
                }
                i += op.length();
                afterOperand = false;
            }
        }
        findings.add(new Finding("modeler.expr.unterminated", text.substring(Math.max(0, start - 2))));
        return text.length();
    }

    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int endOfNumber(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        // a fraction only when a digit follows the dot, so that "1.toString" is not read as a number
        if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static char nextNonSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }
}
