// Dropping a task onto a sequence flow inserts it there (bpmn-js's DropOnFlowBehavior), but StudyFlow's flows are
// short and most carry their label (提交, 通过, 退回) right over their middle: a drop aimed at the flow landed on the
// label, which takes no shapes, and was refused. While a shape is created or moved, hovering a sequence flow's
// label counts as hovering the flow itself; bpmn-js's rules then decide as for the flow.
import { is } from 'bpmn-js/lib/util/ModelUtil';

const HIGH_PRIORITY = 1500;
const DRAGS = ['create', 'shape.move'];

function draggedShapes(context) {
  const data = (context && context.data) || {};
  return [].concat(data.elements || [], data.shape || []);
}

function DropOnFlowLabel(eventBus, dragging, elementRegistry) {
  eventBus.on('element.hover', HIGH_PRIORITY, (event) => {
    const context = dragging.context();
    const label = event.element;
    if (!context || DRAGS.indexOf(context.prefix) < 0 || !label || !label.labelTarget
      || !is(label.labelTarget, 'bpmn:SequenceFlow')) {
      return;
    }
    // a label being moved is not dropped onto anything
    if (draggedShapes(context).some((shape) => shape.labelTarget)) {
      return;
    }
    event.element = label.labelTarget;
    event.gfx = elementRegistry.getGraphics(label.labelTarget);
  });
}

DropOnFlowLabel.$inject = ['eventBus', 'dragging', 'elementRegistry'];

export default {
  __init__: ['studyflowDropOnFlowLabel'],
  studyflowDropOnFlowLabel: ['type', DropOnFlowLabel]
};
