using System.Text.Json.Serialization;
using LotteryTickets.Lottery;
using LotteryTickets.Models;
using LotteryTickets.Training;

namespace LotteryTickets.Experiments;

/// <summary>
/// Dense LeNets trained once per run store, for the sections that read a network from outside (its hidden units as a
/// dictionary, its read-out as an ℓ1 problem, its units as a design): one run per seed, stored as IMP's level 0 under
/// its own kind, so that every sweep nesting the same settings loads the same networks instead of training them again
/// (the run's lock makes a second process wait, then load). Nested in a sweep's settings, its values name that sweep's
/// run too.
/// </summary>
/// <param name="Hparams">The network (a LeNet) and its training; pruning settings are not used.</param>
/// <param name="Data">The splits the networks train on (named in the run keys by a fingerprint of the examples; not written with a
/// result that holds these settings, so such a result read back from the store has no data).</param>
/// <param name="Seeds">One network per seed (initialisation and data order).</param>
public sealed record DenseNetworks(LotteryHparams Hparams, [property: NotInRunKey, JsonIgnore] TrainingData Data,
    [property: NotEmpty, Distinct] IReadOnlyList<long> Seeds) : IExperiment<DenseNetworksResult>, IValidated
{
    /// <inheritdoc />
    public string Kind => ExperimentKinds.DenseNetwork;

    /// <inheritdoc />
    public void CheckRelations()
    {
        Check.That(Hparams.Model is LeNetHparams, $"Hparams.Model must be a LeNet (its hidden layers are read); got {Hparams.Model.Name}.",
            nameof(Hparams));
        IterativeMagnitudePruning.CheckDataFits(Hparams, Data, nameof(Data));
    }

    /// <summary>The key under which seed <paramref name="seed"/>'s network is stored.</summary>
    public RunKey KeyFor(long seed, Budget? budget = null)
    {
        Validation.Check(this);
        return RunKey.For(Kind, [Hparams, new Replicate(seed)], ("budget", (budget ?? Budget.Current).Name),
            ("data", DataFingerprint.Describe(Data, null)));
    }

    /// <inheritdoc />
    public DenseNetworksResult Run(ExperimentContext? context = null)
    {
        var c = Validation.Check(context ?? new ExperimentContext(), nameof(context));
        Validation.Check(this);
        var networks = new List<DenseNetwork>();
        for (int s = 0; s < Seeds.Count; s++)
        {
            long seed = Seeds[s];
            c.CancellationToken.ThrowIfCancellationRequested();
            var key = c.Store is null ? null : KeyFor(seed, c.Budget);
            using var levels = key is null ? null : c.Store!.OpenRun(key, seed, c.Recompute, c.CancellationToken);
            var stored = levels?.LoadLevel(TicketSeries.Ticket, 0);
            var trained = levels?.LoadTrainedWeights(TicketSeries.Ticket, 0);
            var initial = levels?.LoadRewindWeights();
            if (stored is null || trained is null || initial is null)
            {
                int index = s;
                var relay = Relay<ImpProgress>.To(c.Progress, p => new ExperimentProgress(index, Seeds.Count, "networks")
                {
                    Stage = $"training dense {Hparams.Model.Name}, seed {seed}",
                    Training = new TrainingStatus(0, 100, p.Point.Iteration, p.TotalIterations, p.Point.TestAccuracy) { Seed = seed },
                });
                var outcome = IterativeMagnitudePruning.TrainLevel(Hparams with { RewindStep = 0 }, seed, 0, null, null, Data, relay,
                    c.CancellationToken);
                levels?.SaveRewindWeights(outcome.RewindWeights);
                levels?.SaveLevel(TicketSeries.Ticket, outcome.Result, outcome.TrainedWeights);
                (stored, trained, initial) = (outcome.Result, outcome.TrainedWeights, outcome.RewindWeights);
            }
            if (key is not null) c.Store!.CompleteRun(key);
            networks.Add(new DenseNetwork(Hparams.Model, seed, initial, trained, 100 * stored.Training.FinalTestAccuracy));
            c.Progress?.Report(new ExperimentProgress(s + 1, Seeds.Count, "networks") { Stage = "dense networks" });
        }
        return new DenseNetworksResult(networks.AsReadOnly());
    }
}

/// <summary>The networks of a <see cref="DenseNetworks"/> run, in the order of its seeds.</summary>
public sealed record DenseNetworksResult(IReadOnlyList<DenseNetwork> Networks);
