using LotteryTickets.Hardware;
using Microsoft.DotNet.Interactive;

namespace LotteryTickets.Interactive;

/// <summary>
/// The .NET Interactive extension of the LotteryTickets.Interactive package (its <c>interactive-extensions/dotnet/</c>
/// folder): the kernel runs it after <c>#r "nuget: LotteryTickets.Interactive, …"</c>. It binds FSharp.Core for
/// Plotly.NET, registers the offline chart formatter and the library's HTML formatters, and makes TorchSharp's natives
/// loadable (<see cref="TorchNatives"/>). When libtorch's natives are not restored yet (referenced in a later cell), it
/// tries again around each submission until they are, so that the first torch call finds them prepared.
/// </summary>
public sealed class KernelExtension : IKernelExtension
{
    static int torchReady;

    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        Check.NotNull(kernel);
        FSharpCoreBinding.Install();
        Notebook.RegisterFormatters();
        if (!TryPrepareTorch())
        {
            kernel.AddMiddleware(async (command, context, next) =>
            {
                TryPrepareTorch();
                await next(command, context);
                TryPrepareTorch();
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>True once TorchSharp's natives are loadable; false while libtorch's are missing (Notebook.Setup then
    /// names what is missing). Other failures are left for the first torch call or Notebook.Setup to report.</summary>
    static bool TryPrepareTorch()
    {
        if (Volatile.Read(ref torchReady) == 1) return true;
        try
        {
            TorchNatives.EnsureLoadable();
            Volatile.Write(ref torchReady, 1);
            return true;
        }
        catch (TorchNativesNotFoundException)
        {
            return false;
        }
        catch (Exception) when (TorchNatives.IsLibTorchSharpLoaded())
        {
            Volatile.Write(ref torchReady, 1);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
