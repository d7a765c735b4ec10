package cn.studyflow.task;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of steps and of what was done at them, from what happened: a step as its own process names it
 * ({@code step.<process>.<step>} before {@code step.<step>}, since the annual and the supplementary plan share
 * the step id {@code draftPlan}), and a decision as the step means it ({@code action.APPROVE.registerByDept} is
 * 已备案, not 通过). Pages use it as {@code ${@stepNames.step(t.processKey, t.step, t.name)}}.
 */
@Component("stepNames")
@RequiredArgsConstructor
public class StepNames {

    private final MessageSource messages;

    /** The step's name in the reader's language; {@code fallback} (the diagram's name) for a step no bundle knows. */
    public String step(String processKey, String step, String fallback) {
        if (step == null) {
            return fallback;
        }
        String own = processKey == null ? null : text("step." + processKey + "." + step);
        String shared = own != null ? own : text("step." + step);
        return shared != null ? shared : fallback != null ? fallback : step;
    }

    /** What an action was called at its step: {@code action.<ACTION>.<step>} before {@code action.<ACTION>}. */
    public String action(String action, String step) {
        String atStep = step == null ? null : text("action." + action + "." + step);
        if (atStep != null) {
            return atStep;
        }
        String plain = text("action." + action);
        return plain != null ? plain : action;
    }

    /** The label of the approve button at a step: {@code decision.approve.<step>} before {@code decision.approve}. */
    public String approve(String step) {
        String atStep = step == null ? null : text("decision.approve." + step);
        return atStep != null ? atStep : text("decision.approve");
    }

    private String text(String key) {
        return messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
    }
}
