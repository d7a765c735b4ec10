package cn.studyflow.material;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task of the material process: every one of them acts on the material whose id the instance carries,
 * so the id is read here once and each task says only what it does with it.
 */
abstract class MaterialDelegate implements JavaDelegate {

    final MaterialCallbacks callbacks;

    MaterialDelegate(MaterialCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public final void execute(DelegateExecution execution) {
        run(((Number) execution.getVariable(MaterialReviewProcess.VAR_MATERIAL_ID)).longValue(), execution);
    }

    abstract void run(long materialId, DelegateExecution execution);
}
