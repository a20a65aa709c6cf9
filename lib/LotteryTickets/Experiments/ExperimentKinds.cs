namespace LotteryTickets.Experiments;

/// <summary>The kinds of experiment the run store knows, one constant each (they name stored runs: never rename one).</summary>
public static class ExperimentKinds
{
    /// <summary><see cref="TicketExperiment"/>: IMP with its controls, one run per seed.</summary>
    public const string TicketExperiment = "ticket_experiment";

    /// <summary><see cref="Experiments.OmpRecoverySweep"/>.</summary>
    public const string OmpRecovery = "omp_recovery";

    /// <summary><see cref="Experiments.L1ConvergenceSweep"/>.</summary>
    public const string L1Convergence = "l1_convergence";

    /// <summary><see cref="Experiments.L1PathSweep"/>.</summary>
    public const string L1Path = "l1_path";

    /// <summary><see cref="Experiments.PhaseDiagramSweep"/>.</summary>
    public const string PhaseDiagram = "phase_diagram";

    /// <summary><see cref="Experiments.TeacherRecoverySweep"/>.</summary>
    public const string TeacherRecovery = "teacher_recovery";

    /// <summary><see cref="Experiments.DesignComparisonSweep"/>.</summary>
    public const string DesignComparison = "design_comparison";

    /// <summary><see cref="Experiments.LayerDesignSweep"/>.</summary>
    public const string LayerDesign = "layer_design";

    /// <summary><see cref="Experiments.SpeedSweep"/>.</summary>
    public const string Speed = "speed";

    /// <summary><see cref="Experiments.DistillationExperiment"/> (its runs are stored as ticket experiments — teacher, students on the
    /// labels, baselines — and as <see cref="MaskRetraining"/> runs).</summary>
    public const string Distillation = "distillation";

    /// <summary>The masks of a stored ticket run trained again under other settings (<see cref="Lottery.LotteryControls.Retrain"/>;
    /// the distilled students of <see cref="Experiments.DistillationExperiment"/>), one run per seed.</summary>
    public const string MaskRetraining = "mask_retraining";

    /// <summary><see cref="Experiments.DenseNetworks"/>: one dense network per seed, trained once per run store for the sections
    /// that read a network (06–09).</summary>
    public const string DenseNetwork = "dense_network";

    /// <summary>Section 6's OMP in a network's dictionary (hidden-unit activations as atoms).</summary>
    public const string NetworkDictionary = "network_dictionary";

    /// <summary>Section 7's ℓ1-penalised read-out of a network's features.</summary>
    public const string NetworkReadout = "network_readout";

    /// <summary>Section 8's planted sparse read-out over a network's frozen features, recovered as the examples grow.</summary>
    public const string NetworkTeacher = "network_teacher";

    /// <summary>Section 9's choice of a layer's units: A-optimal, magnitude, random.</summary>
    public const string UnitSelection = "unit_selection";
}
