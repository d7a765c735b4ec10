package cn.studyflow.bench;

class PlanThroughputH2Bench extends PlanThroughputBench {

    @Override
    String database() {
        return "H2";
    }
}
