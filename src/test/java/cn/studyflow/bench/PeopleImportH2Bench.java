package cn.studyflow.bench;

class PeopleImportH2Bench extends PeopleImportBench {

    @Override
    String database() {
        return "H2";
    }
}
