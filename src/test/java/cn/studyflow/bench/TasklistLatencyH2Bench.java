package cn.studyflow.bench;

class TasklistLatencyH2Bench extends TasklistLatencyBench {

    @Override
    String database() {
        return "H2";
    }
}
