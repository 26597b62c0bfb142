//! A synthetic policy set at national scale: 333 prefecture-level regions
//! with 60 diseases each, made from a real region file, for load, index and
//! keystroke benchmarks.

use renewal_assistant::policy::PolicySet;
use serde_json::Value;

const DISEASES: &[&str] = &[
    "高血压",
    "糖尿病",
    "恶性肿瘤门诊治疗",
    "慢性肾功能衰竭",
    "器官移植抗排异治疗",
    "再生障碍性贫血",
    "血友病",
    "精神分裂症",
    "帕金森病",
    "类风湿性关节炎",
    "系统性红斑狼疮",
    "慢性阻塞性肺疾病",
    "支气管哮喘",
    "冠心病",
    "慢性心力衰竭",
    "脑血管病后遗症",
    "肝硬化",
    "慢性乙型肝炎",
    "结核病",
    "癫痫",
    "重症肌无力",
    "多发性硬化",
    "强直性脊柱炎",
    "甲状腺功能亢进",
];

pub fn files() -> (String, Vec<(String, String)>) {
    let root = env!("CARGO_MANIFEST_DIR");
    let national = std::fs::read_to_string(format!("{root}/data/national.json")).unwrap();
    let template: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/data/regions/qinghai-haixi.json")).unwrap(),
    )
    .unwrap();
    let mut files = vec![(
        "generic.json".to_string(),
        std::fs::read_to_string(format!("{root}/data/regions/generic.json")).unwrap(),
    )];
    for i in 0..333 {
        let mut r = template.clone();
        r["id"] = format!("synthetic-{i:03}").into();
        r["name"] = format!("合成省第{i}市").into();
        r["short_name"] = format!("合成{i}").into();
        r["aliases"] = serde_json::json!([format!("测试{i}")]);
        // One file per place: the copies cover no place of their own.
        r["place"] = serde_json::Value::Null;
        r["open_disease_list"] = false.into();
        let diseases: Vec<Value> = (0..60)
            .map(|d| {
                serde_json::json!({
                    "id": format!("d{d:02}"),
                    "name": format!("{}{}", DISEASES[d % DISEASES.len()], d / DISEASES.len() + 1),
                    "aliases": [],
                    "documents": [],
                    "source": "seed-000"
                })
            })
            .collect();
        r["diseases"] = Value::Array(diseases);
        files.push((
            format!("synthetic-{i:03}.json"),
            serde_json::to_string(&r).unwrap(),
        ));
    }
    (national, files)
}

pub fn policy() -> PolicySet {
    let (national, files) = files();
    PolicySet::from_files(
        ("national.json", &national),
        files.iter().map(|(f, t)| (f.as_str(), t.as_str())),
    )
    .unwrap()
}
