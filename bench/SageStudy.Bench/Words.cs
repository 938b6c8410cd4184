namespace SageStudy.Bench;

/// <summary>
/// A fixed vocabulary for generated notes. Words are drawn with a Zipf-like skew (earlier words
/// are more frequent), so some words occur in almost every note and others in only a few: a search
/// has both common and rare terms to look for. The order below is the frequency rank.
/// </summary>
public static class Words
{
    /// <summary>Nouns, most frequent first: the first one is the benchmark's "common word".</summary>
    private static readonly string[] NounsByRank =
    [
        "model", "data", "training", "endpoint", "pipeline", "feature", "instance", "bucket", "metric", "job",
        "dataset", "algorithm", "container", "notebook", "cluster", "stream", "schema", "policy", "role", "key",
        "label", "batch", "shard", "partition", "record", "table", "query", "index", "cache", "queue",
        "topic", "event", "trigger", "function", "layer", "network", "gradient", "weight", "bias", "loss",
        "epoch", "tensor", "vector", "embedding", "token", "prompt", "inference", "latency", "throughput", "budget",
        "cost", "quota", "limit", "region", "zone", "subnet", "gateway", "firewall", "certificate", "secret",
        "audit", "trail", "alarm", "dashboard", "log", "trace", "span", "sample", "baseline", "drift",
        "bias", "variance", "recall", "precision", "threshold", "curve", "matrix", "score", "ranking", "forecast",
        "horizon", "season", "trend", "anomaly", "outlier", "cohort", "segment", "customer", "product", "order",
        "invoice", "session", "click", "impression", "campaign", "catalog", "crawler", "warehouse", "lake", "lakehouse",
        "snapshot", "replica", "backup", "archive", "tier", "lifecycle", "version", "registry", "artifact", "image",
        "repository", "branch", "commit", "release", "rollback", "canary", "shadow", "variant", "traffic", "fleet",
        "node", "worker", "driver", "executor", "scheduler", "workflow", "step", "stage", "task", "callback",
        "checkpoint", "spot", "reservation", "savings", "commitment", "tenant", "account", "organization", "boundary", "perimeter",
        "encryption", "signature", "hash", "digest", "nonce", "handshake", "protocol", "socket", "port", "packet",
        "header", "payload", "message", "envelope", "broker", "consumer", "producer", "offset", "watermark", "window",
        "aggregate", "join", "filter", "projection", "transform", "mapping", "lookup", "dictionary", "vocabulary", "corpus",
        "document", "sentence", "phrase", "entity", "intent", "slot", "utterance", "transcript", "speech", "voice",
        "pixel", "frame", "video", "camera", "sensor", "device", "edge", "gateway", "firmware", "telemetry",
        "ledger", "journal", "manifest", "template", "stack", "resource", "parameter", "hyperparameter", "objective", "constraint",
        "ensemble", "forest", "tree", "stump", "booster", "kernel", "margin", "hyperplane", "centroid", "neighbor",
        "autoencoder", "transformer", "attention", "decoder", "encoder", "adapter", "quantization", "distillation", "pruning", "compiler",
        "accelerator", "chip", "memory", "disk", "volume", "throughput", "bandwidth", "capacity", "headroom", "backlog",
        "incident", "runbook", "playbook", "escalation", "owner", "reviewer", "approval", "ticket", "change", "window",
        "glacier", "meadow", "harbor", "lantern", "compass", "orchard", "quarry", "summit", "canyon", "delta",
    ];

    /// <summary>The nouns without repeats, in rank order.</summary>
    public static readonly string[] Nouns = NounsByRank.Distinct().ToArray();

    public static readonly string[] Adjectives =
    [
        "managed", "real-time", "batch", "distributed", "serverless", "secure", "scalable", "incremental", "automatic", "custom",
        "private", "public", "shared", "dedicated", "elastic", "durable", "regional", "global", "cold", "warm",
        "hot", "sparse", "dense", "noisy", "balanced", "skewed", "labeled", "unlabeled", "streaming", "offline",
        "online", "asynchronous", "synchronous", "idempotent", "immutable", "versioned", "encrypted", "signed", "audited", "tagged",
        "multi-model", "multi-tenant", "single-tenant", "low-latency", "high-throughput", "cost-aware", "fault-tolerant", "stateless", "stateful", "ephemeral",
        "persistent", "provisioned", "on-demand", "reserved", "interruptible", "preemptible", "compressed", "columnar", "partitioned", "bucketed",
        "normalized", "standardized", "weighted", "calibrated", "regularized", "pretrained", "fine-tuned", "quantized", "pruned", "distilled",
        "amber", "crimson", "silent", "hollow", "nimble", "brisk", "frugal", "lucid", "quiet", "rugged",
    ];

    public static readonly string[] Verbs =
    [
        "stores", "streams", "trains", "deploys", "scales", "monitors", "encrypts", "rotates", "caches", "replicates",
        "partitions", "shards", "indexes", "queries", "filters", "joins", "aggregates", "schedules", "retries", "throttles",
        "validates", "labels", "samples", "evaluates", "compares", "tunes", "compiles", "packages", "registers", "promotes",
        "rolls back", "shifts", "routes", "balances", "isolates", "audits", "alerts on", "detects", "explains", "forecasts",
        "ranks", "clusters", "embeds", "tokenizes", "transcribes", "translates", "summarizes", "compresses", "archives", "expires",
    ];

    public static readonly string[] Tails =
    [
        "without downtime", "per request", "at rest", "in transit", "across regions", "within one account", "on a schedule",
        "behind a private endpoint", "with no servers to manage", "for a few cents an hour", "under heavy load",
        "before each release", "after every epoch", "for each tenant", "from the data lake", "into the warehouse",
    ];

    /// <summary>Topic tags besides the portal's special ones.</summary>
    public static readonly string[] TopicTags =
    [
        "core", "important", "hands-on", "cost", "security", "latency", "scaling", "storage", "streaming", "monitoring",
        "algorithms", "networking", "governance", "compliance", "nlp", "vision", "forecasting", "mlops", "analytics", "ingestion",
    ];

    public static readonly string[] Folders =
    [
        "data", "training", "deployment", "security", "monitoring", "analytics", "storage", "networking", "governance", "streaming",
    ];
}

/// <summary>Zipf-like sampler: rank r is drawn with weight 1 / (r + 1)^s.</summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int count, double exponent)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = total;
        }

        for (var i = 0; i < count; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
