using MathNet.Numerics.LinearAlgebra;

namespace LotteryTickets.Design;

/// <summary>
/// Which units of a layer to keep, as row selection. Keeping the units S and refitting the read-out is least squares on
/// the columns H_S of the activations H (examples × units). Centre each column and scale it to unit length (H̃: a unit's
/// scale then does not matter, so neither does ReLU's rescaling of a unit's incoming and outgoing weights by c and 1/c),
/// and take the top-p right singular vectors V_p of H̃ (units × p). Row j of V_p is unit j's coordinates in the p
/// directions that carry most of the layer's variation, and for the kept rows tr((V_{p,S}ᵀV_{p,S})⁻¹) = ‖(V_{p,S})⁺‖²_F.
/// That is the quantity in the column-subset-selection bound (Boutsidis, Mahoney &amp; Drineas 2009; Boutsidis, Drineas &amp;
/// Magdon-Ismail 2014): when V_{p,S} has rank p, ‖H̃ − P_S H̃‖²_F ≤ ‖H̃ − H̃_p‖²_F + σ²_{p+1}·tr((V_{p,S}ᵀV_{p,S})⁻¹), where P_S
/// projects on the span of the kept columns and H̃_p is the best rank-p approximation. A small A-criterion therefore
/// means the kept units lose little of what all units can express, so little of any read-out refitted on them.
/// </summary>
public static class UnitDesign
{
    /// <summary>
    /// V_p: the units' coordinates (rows) on the top <paramref name="components"/> right singular vectors of the centred,
    /// column-normalised <paramref name="activations"/> (examples × units), from the eigenvectors of H̃ᵀH̃ (the signs of
    /// the columns are arbitrary; no A-criterion depends on them). Constant columns (dead units) stay zero rows.
    /// </summary>
    public static Matrix<double> Rows(Matrix<double> activations, int components)
    {
        Check.Finite(activations);
        Check.NonEmpty(activations);
        Check.InRange(components, 1, activations.ColumnCount);
        var h = Normalised(activations);
        var gram = h.TransposeThisAndMultiply(h);
        var eig = gram.Evd(Symmetricity.Symmetric); // ascending eigenvalues
        int m = gram.RowCount;
        return Matrix<double>.Build.Dense(m, components, (i, j) => eig.EigenVectors[i, m - 1 - j]);
    }

    /// <summary>H̃: each column minus its mean, divided by its length (a constant column stays zero).</summary>
    public static Matrix<double> Normalised(Matrix<double> activations)
    {
        Check.Finite(activations);
        Check.NonEmpty(activations);
        var h = activations.Clone();
        for (int j = 0; j < h.ColumnCount; j++)
        {
            var c = h.Column(j);
            double scale = c.AbsoluteMaximum();
            c = c - c.Average();
            double norm = c.L2Norm();
            // A constant column centres to rounding noise at most: treat it as zero rather than normalise the noise.
            h.SetColumn(j, norm > 1e-12 * scale * Math.Sqrt(h.RowCount) ? c / norm : c * 0);
        }
        return h;
    }
}
