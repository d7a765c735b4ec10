package cn.studyflow.workflow;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task that acts on the business object whose id its process instance carries in one variable
 * (the plan, the material, the audit): the id is read here once, each task says only what it does with it.
 */
@RequiredArgsConstructor
public abstract class IdDelegate implements JavaDelegate {

    private final String idVariable;

    @Override
    public final void execute(DelegateExecution execution) {
        run(((Number) execution.getVariable(idVariable)).longValue(), execution);
    }

    /** The task's own work on the object with this id. */
    protected abstract void run(long id, DelegateExecution execution);
}
