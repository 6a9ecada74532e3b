import { z } from 'zod';
import { createCouponInput, createProductInput, listProductsInput, updateProductInput } from '../../schemas/catalog';
import { camelized, id } from '../../schemas/common';
import { createCoupon } from '../../services/catalog/create-coupon';
import { createProduct } from '../../services/catalog/create-product';
import { getProduct } from '../../services/catalog/get-product';
import { listCoupons } from '../../services/catalog/list-coupons';
import { listProducts } from '../../services/catalog/list-products';
import { updateProduct } from '../../services/catalog/update-product';
import { permissionProcedure, router } from '../trpc';

export const catalogRouter = router({
  products: permissionProcedure('catalog.view')
    .input(listProductsInput)
    .query(({ ctx, input }) => listProducts(ctx.service, input)),
  product: permissionProcedure('catalog.view')
    .input(z.object({ id }))
    .query(({ ctx, input }) => getProduct(ctx.service, input)),
  createProduct: permissionProcedure('catalog.manage')
    .input(camelized(createProductInput))
    .mutation(({ ctx, input }) => createProduct(ctx.service, input)),
  updateProduct: permissionProcedure('catalog.manage')
    .input(camelized(updateProductInput))
    .mutation(({ ctx, input }) => updateProduct(ctx.service, input)),
  coupons: permissionProcedure('catalog.view').query(({ ctx }) => listCoupons(ctx.service)),
  createCoupon: permissionProcedure('catalog.manage')
    .input(camelized(createCouponInput))
    .mutation(({ ctx, input }) => createCoupon(ctx.service, input)),
});
