package cn.studyflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionCheckerTest {

    final ExpressionChecker checker = new ExpressionChecker(Set.of("workflow", "dataSource", "registerPlanDelegate")::contains);

    @ParameterizedTest
    @ValueSource(strings = {
        "${decision == 'approve'}",
        "${decision == \"return\"}",
        "org:${orgId}:leader,org:${orgId}:deputy",
        "${deadline}",
        "${a && (b || !c)}",
        "${count > 3 and not empty comment}",
        "${x ne 1 ? 'a' : 'b'}",
        "${1.5e3 >= limit - 2 * (n + 1) / 4 % 3}",
        "${title == '含有 } 和 ${ 的文字'}",
        "${审核结果 == 'approve'}",
        "P3D",
        "plain text without expressions"
    })
    void variablesLiteralsAndOperatorsAreAccepted(String text) {
        assertThat(checker.check(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "${execution.getVariable('x')}                 | modeler.expr.forbidden",
        "${execution.getVariable('x')}                 | modeler.expr.call",
        "${task}                                       | modeler.expr.forbidden",
        "${Runtime}                                    | modeler.expr.forbidden",
        "${T(java.lang.Runtime)}                       | modeler.expr.call",
        "${x.class}                                    | modeler.expr.member",
        "${x['class']}                                 | modeler.expr.member",
        "${workflow}                                   | modeler.expr.bean",
        "${registerPlanDelegate}                       | modeler.expr.bean",
        "${now()}                                      | modeler.expr.call",
        "${fn:exec('id')}                              | modeler.expr.call",
        "${(x)(y)}                                     | modeler.expr.call",
        "${x = 1}                                      | modeler.expr.syntax",
        "${x -> x}                                     | modeler.expr.syntax",
        "${a; b}                                       | modeler.expr.syntax",
        "${a , b}                                      | modeler.expr.syntax",
        "${x + ${y}}                                   | modeler.expr.syntax",
        "${}                                           | modeler.expr.syntax",
        "${x                                           | modeler.expr.unterminated",
        "${'unterminated}                              | modeler.expr.syntax",
        "#{execution}                                  | modeler.expr.forbidden",
        "ok ${x} then ${dataSource}                    | modeler.expr.bean",
        "${'}' == x or execution == null}              | modeler.expr.forbidden",
        "${1.toString}                                 | modeler.expr.member",
        "${EXECUTION}                                  | modeler.expr.forbidden"
    })
    void callsMembersEngineObjectsBeansAndUnknownSyntaxAreRefused(String text, String code) {
        assertThat(checker.check(text.strip())).extracting(ExpressionChecker.Finding::code).contains(code);
    }
}
