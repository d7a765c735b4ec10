package cn.studyflow.workflow;

import cn.studyflow.common.BusinessException;
import java.util.function.LongConsumer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A service task that acts on the business object whose id its process instance carries in one variable
 * (the plan, the material, the audit): the id is read here once, each task says only what it does with it.
 * Every feature declares its tasks as {@code @Bean}s named as their delegate expressions, with {@code calling}.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class IdDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(IdDelegate.class);

    private final String idVariable;
    private final Call call;

    /**
     * Runs the task; a failure of its own work becomes a {@link DelegateFailedException}. Refusals, the database's
     * failures (races, an unreachable database) and the engine's own exceptions keep their own answers.
     */
    @Override
    public void execute(DelegateExecution execution) {
        try {
            call.run(((Number) execution.getVariable(idVariable)).longValue(), new Execution(execution));
        } catch (BusinessException | DataAccessException | ProcessEngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DelegateFailedException(execution.getCurrentActivityId(), e);
        }
    }

    /**
     * A task that calls one method with the id and nothing else. {@code logMessage} is logged first with the
     * business key as its one argument.
     */
    public static IdDelegate calling(String idVariable, String logMessage, LongConsumer call) {
        return calling(idVariable, logMessage, (id, execution) -> call.accept(id));
    }

    /** As above, for a task that also reads the instance's variables. */
    public static IdDelegate calling(String idVariable, String logMessage, Call call) {
        return calling(idVariable, (id, execution) -> {
            log.info(logMessage, execution.businessKey());
            call.run(id, execution);
        });
    }

    /** As above, for a task that logs what it did itself (with what the call returned). */
    public static IdDelegate calling(String idVariable, Call call) {
        return new IdDelegate(idVariable, call);
    }

    /** What a task does with the id. */
    @FunctionalInterface
    public interface Call {
        void run(long id, Execution execution);
    }

    /** The instance a task runs in, without the engine's types: its business key and its variables. */
    @RequiredArgsConstructor(access = AccessLevel.PRIVATE)
    public static final class Execution {

        private final DelegateExecution execution;

        public String businessKey() {
            return execution.getBusinessKey();
        }

        public Object get(String variable) {
            return execution.getVariable(variable);
        }

        public void set(String variable, Object value) {
            execution.setVariable(variable, value);
        }

        /** A variable read by the next step as it starts and never stored in the engine. */
        public void setTransient(String variable, Object value) {
            execution.setVariable(variable, Variables.objectValue(value, true).create());
        }
    }
}
